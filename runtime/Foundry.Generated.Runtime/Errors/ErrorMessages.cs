using System;
using System.Net;
using System.Text;

namespace Foundry.Generated.Runtime;

/// <summary>One readable line per error, with the hint a user needs; never the token.</summary>
internal static class ErrorMessages
{
    public static string ForStatus(HttpStatusCode status, FoundryErrorBody body, FoundryOperation operation, string? requestId, TimeSpan? retryAfter, string? retryNote)
    {
        var sb = new StringBuilder();
        sb.Append("Foundry ").Append(operation.Route).Append(" returned ").Append((int)status).Append(' ').Append(status);
        if (body.ErrorName != null)
        {
            sb.Append(" (").Append(body.ErrorName).Append(')');
        }

        var message = body.ProviderMessage ?? (body.Parameters.TryGetValue("message", out var m) ? m : null);
        if (message != null)
        {
            sb.Append(": ").Append(message);
        }

        if (Hint(status, body, operation) is { } hint)
        {
            sb.Append(". ").Append(hint);
        }

        if (retryNote != null)
        {
            sb.Append(". ").Append(char.ToUpperInvariant(retryNote[0])).Append(retryNote, 1, retryNote.Length - 1);
        }

        if (retryAfter is { } wait && (retryNote is null || !retryNote.Contains("server asked", StringComparison.Ordinal)))
        {
            sb.Append(". The server asks to retry after ").Append(RetryPolicy.Describe(wait)).Append(" (RetryAfter)");
        }

        if (requestId != null)
        {
            sb.Append(" [request ").Append(requestId).Append(']');
        }

        return sb.ToString();
    }

    private static string? Hint(HttpStatusCode status, FoundryErrorBody body, FoundryOperation operation)
    {
        var info = operation.Model.Info;
        if (info != null && !info.SupportsRoute(operation.Route)
            && (status is HttpStatusCode.InternalServerError or HttpStatusCode.NotFound or HttpStatusCode.BadRequest || (body.ErrorName?.Contains("NotAvailable") ?? false)))
        {
            return $"The catalog says model {info.Id} does not support {operation.Route} (works on: {string.Join(", ", info.Routes)}); use the {info.PreferredRoute} client";
        }

        return status switch
        {
            HttpStatusCode.Unauthorized => "Check the token (FOUNDRY_TOKEN or the token provider)",
            HttpStatusCode.Forbidden => "The token lacks permission (OAuth2 apps need the api:use-language-models-execute scope)",
            HttpStatusCode.TooManyRequests => "Rate limited",
            _ => null,
        };
    }
}
