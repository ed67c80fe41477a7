using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Foundry.Generated.Emulator;

/// <summary>Foundry's error envelope: <c>{errorCode, errorName, errorInstanceId, parameters}</c>.</summary>
internal static class ConjureErrors
{
    public static Task WriteAsync(HttpContext context, int status, string errorCode, string errorName, string message, JsonObject? extra = null)
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
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
