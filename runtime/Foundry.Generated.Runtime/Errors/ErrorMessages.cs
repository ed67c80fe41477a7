using System.Net;
using System.Text;

namespace Foundry.Generated.Runtime;

/// <summary>One readable line per error, with the hint a user needs; never the token.</summary>
internal static class ErrorMessages
{
    public static string ForStatus(HttpStatusCode status, FoundryErrorBody body, FoundryOperation operation, string? requestId)
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
            HttpStatusCode.TooManyRequests => "Rate limited; retries were exhausted",
            _ => null,
        };
    }
}
