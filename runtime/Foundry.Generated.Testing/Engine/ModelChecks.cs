using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Testing;

/// <summary>404 for unknown models, the catalog's recorded status for known-bad routes; an enrollment's missing
/// models, denials, failing routes and rate limits first.</summary>
internal static class ModelChecks
{
    /// <summary>True when the request was answered with an error.</summary>
    public static async Task<bool> RejectAsync(IReplySink sink, FakeFoundry foundry, EmulatedCall call, CancellationToken token)
    {
        var model = foundry.Catalog.Find(call.Model);
        if (foundry.Options.Enrollment is { } enrollment && await EnrollmentRejectsAsync(sink, enrollment, call, model?.Id ?? call.Model ?? string.Empty, model?.Rid, token))
        {
            return true;
        }

        if (model == null)
        {
            await ConjureErrors.WriteAsync(sink, 404, "NOT_FOUND", "LanguageModelService:LanguageModelNotFound", $"model '{call.Model}' was not found", token, new JsonObject { ["modelId"] = call.Model });
            return true;
        }

        if (!model.SupportsRoute(call.Route))
        {
            var rejection = model.RejectionFor(call.Route);
            var status = rejection?.Status ?? 400;
            await ConjureErrors.WriteAsync(sink, status, status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT", "LanguageModelService:LanguageModelNotAvailable", $"Backend not supported for this proxy route ({call.Route})", token);
            return true;
        }

        return false;
    }

    private static async Task<bool> EnrollmentRejectsAsync(IReplySink sink, FakeEnrollment enrollment, EmulatedCall call, string id, string? rid, CancellationToken token)
    {
        bool Listed(ISet<string> set) => set.Contains(id) || (rid != null && set.Contains(rid));
        if (Listed(enrollment.MissingModels))
        {
            await ConjureErrors.WriteAsync(sink, 404, "NOT_FOUND", "LanguageModelService:LanguageModelNotFound", $"model '{call.Model}' was not found", token, new JsonObject { ["modelId"] = call.Model });
            return true;
        }

        if (Listed(enrollment.DeniedModels))
        {
            await ConjureErrors.WriteAsync(sink, 403, "PERMISSION_DENIED", "LanguageModelService:PermissionDenied", $"not permitted to use model '{call.Model}'", token);
            return true;
        }

        if (enrollment.RouteFailures.TryGetValue(id + "|" + call.Route, out var status))
        {
            await ConjureErrors.WriteAsync(sink, status, status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT", status >= 500 ? "Default:Internal" : "LanguageModelService:LanguageModelNotAvailable", $"model '{call.Model}' failed on {call.Route}", token);
            return true;
        }

        if (enrollment.TakeRateLimit(id))
        {
            sink.SetHeader("Retry-After", enrollment.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await ConjureErrors.WriteAsync(sink, 429, "TOO_MANY_REQUESTS", "LanguageModelService:RateLimited", "rate limited by the enrollment", token);
            return true;
        }

        return false;
    }
}
