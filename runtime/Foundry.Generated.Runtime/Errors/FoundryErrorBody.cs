using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>
/// The fields of an error body: the Foundry (Conjure) envelope and, when present, the provider error it wraps
/// (<c>parameters.responseBody</c> holding <c>{"error":{...}}</c>), or a bare provider error.
/// </summary>
internal sealed class FoundryErrorBody
{
    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

    public string? ErrorCode { get; private set; }

    public string? ErrorName { get; private set; }

    public string? ErrorInstanceId { get; private set; }

    public IReadOnlyDictionary<string, string> Parameters { get; private set; } = NoParameters;

    public string? ProviderMessage { get; private set; }

    public string? ProviderType { get; private set; }

    public string? ProviderCode { get; private set; }

    public static FoundryErrorBody Parse(ReadOnlySpan<byte> body)
    {
        var result = new FoundryErrorBody();
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return result;
            }

            result.ErrorCode = String(root, "errorCode");
            result.ErrorName = String(root, "errorName");
            result.ErrorInstanceId = String(root, "errorInstanceId");
            if (root.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
            {
                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var p in parameters.EnumerateObject())
                {
                    map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                }

                result.Parameters = map;
                if (map.TryGetValue("responseBody", out var wrapped))
                {
                    result.ReadProviderError(System.Text.Encoding.UTF8.GetBytes(wrapped));
                }

                result.ProviderMessage ??= map.TryGetValue("errorMessage", out var m) ? m : map.TryGetValue("message", out var m2) ? m2 : null;
                result.ProviderCode ??= map.TryGetValue("errorCode", out var c) ? c : null;
            }

            if (result.ErrorName is null)
            {
                result.ReadProviderError(root);
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page, a proxy's text): the status code speaks for itself.
        }

        return result;
    }

    /// <summary>A copy with every string scrubbed (a server may echo the token anywhere).</summary>
    public FoundryErrorBody Redacted(in TokenScrubber scrub)
    {
        var redactor = scrub;
        string? R(string? value) => redactor.ScrubOrNull(value);
        string redact(string value) => redactor.Scrub(value);
        var parameters = Parameters;
        if (parameters.Count > 0)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in parameters)
            {
                map[redact(key)] = redact(value);
            }

            parameters = map;
        }

        return new FoundryErrorBody
        {
            ErrorCode = R(ErrorCode),
            ErrorName = R(ErrorName),
            ErrorInstanceId = R(ErrorInstanceId),
            Parameters = parameters,
            ProviderMessage = R(ProviderMessage),
            ProviderType = R(ProviderType),
            ProviderCode = R(ProviderCode),
        };
    }

    private void ReadProviderError(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            ReadProviderError(document.RootElement);
        }
        catch (JsonException)
        {
            ProviderMessage ??= System.Text.Encoding.UTF8.GetString(json);
        }
    }

    // OpenAI: {"error":{"message","type","code"}}; Anthropic: {"type":"error","error":{"type","message"}}; Responses event: {"type":"error","code","message"}.
    private void ReadProviderError(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : root;
        ProviderMessage ??= String(error, "message");
        ProviderType ??= String(error, "type") is { } t && t != "error" ? t : null;
        // "code": null is no code (not the text "null"); a numeric code (OpenRouter's 400) keeps its digits.
        ProviderCode ??= CodeOf(error);
    }

    /// <summary>An error object's <c>code</c>: a string as is, a number as its digits, null when absent or JSON null.</summary>
    internal static string? CodeOf(JsonElement error)
        => !error.TryGetProperty("code", out var code) ? null
            : code.ValueKind switch
            {
                JsonValueKind.String => code.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => code.GetRawText(),
            };

    private static string? String(JsonElement obj, string name)
        => obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
