using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Testing;

/// <summary>Client-credentials token endpoint, as Foundry's multipass serves it for third-party apps.</summary>
internal static class OAuth2Endpoint
{
    public const string Path = "/multipass/api/oauth2/token";

    public static Task HandleAsync(FakeRequest request, IReplySink sink, FakeFoundry foundry, CancellationToken cancellationToken)
    {
        var form = ReadForm(request.Body.Span);
        var options = foundry.Options;
        string Field(string name) => form.TryGetValue(name, out var value) ? value : string.Empty;
        if (Field("grant_type") != "client_credentials" || Field("client_id") != options.ClientId || Field("client_secret") != options.ClientSecret)
        {
            sink.StatusCode = 401;
            return sink.WriteAsync(Encoding.UTF8.GetBytes("{\"error\":\"invalid_client\"}"), cancellationToken);
        }

        var body = new JsonObject
        {
            ["access_token"] = foundry.IssueToken(),
            ["token_type"] = "bearer",
            ["expires_in"] = options.TokenLifetimeSeconds,
            ["scope"] = Field("scope"),
        };
        sink.StatusCode = 200;
        sink.SetHeader("Content-Type", "application/json");
        return sink.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString()), cancellationToken);
    }

    // application/x-www-form-urlencoded: '+' is a space, then percent-decoding.
    private static Dictionary<string, string> ReadForm(ReadOnlySpan<byte> body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
            form[Decode(eq < 0 ? pair : pair.Substring(0, eq))] = eq < 0 ? string.Empty : Decode(pair.Substring(eq + 1));
        }

        return form;
    }
}
