using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Foundry.Generated.Emulator;

/// <summary>Client-credentials token endpoint, as Foundry's multipass serves it for third-party apps.</summary>
internal static class OAuth2Endpoint
{
    public static async Task HandleAsync(HttpContext context, FoundryProxyEmulator emulator, EmulatorOptions options)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["grant_type"] != "client_credentials" || form["client_id"] != options.ClientId || form["client_secret"] != options.ClientSecret)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync("{\"error\":\"invalid_client\"}", context.RequestAborted);
            return;
        }

        var body = new JsonObject
        {
            ["access_token"] = emulator.IssueToken(),
            ["token_type"] = "bearer",
            ["expires_in"] = options.TokenLifetimeSeconds,
            ["scope"] = form["scope"].ToString(),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
