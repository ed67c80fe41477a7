using System;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Testing;

/// <summary>Foundry's error envelope: <c>{errorCode, errorName, errorInstanceId, parameters}</c>.</summary>
internal static class ConjureErrors
{
    public static Task WriteAsync(IReplySink sink, int status, string errorCode, string errorName, string message, CancellationToken cancellationToken, JsonObject? extra = null)
    {
        var parameters = extra ?? new JsonObject();
        parameters["message"] = message;
        var body = new JsonObject
        {
            ["errorCode"] = errorCode,
            ["errorName"] = errorName,
            ["errorInstanceId"] = Guid.NewGuid().ToString(),
            ["parameters"] = parameters,
        };
        sink.StatusCode = status;
        sink.SetHeader("Content-Type", "application/json");
        return sink.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString()), cancellationToken);
    }

    /// <summary>The error code Foundry pairs with a status (Conjure's standard codes).</summary>
    public static string CodeFor(int status) => status switch
    {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHORIZED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        409 => "CONFLICT",
        429 => "TOO_MANY_REQUESTS",
        _ => status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT",
    };
}
