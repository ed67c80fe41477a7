using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Cli.Probe;

/// <summary>
/// <c>--record DIR</c>: each probed reply as a fixture in the repository's recorded-stream format (the body as it came,
/// <c>.sse</c> or <c>.json</c>, and an entry in <c>manifest.json</c> with status, content type, Foundry headers, size and
/// sha256, and the request it answers), so real Foundry traffic can join <c>tests/fixtures</c>. The token never reaches a file: any occurrence in a
/// body is replaced before writing, and no request header is kept.
/// </summary>
internal sealed class ReplyRecorder(string directory, string host, string date, string? token)
{
    private static readonly JsonSerializerOptions Format = new() { WriteIndented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly object _gate = new();
    private readonly List<JsonObject> _entries = new();

    public void Save(ProbeTarget target, ProbeResult result, ProbeExchange exchange)
    {
        if (exchange.Body is null || exchange.Status == 0)
        {
            return;
        }

        var streaming = exchange.ContentType?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true;
        var file = $"foundry-{target.Model.Id}-{target.Route}.{(streaming ? "sse" : "json")}";
        var body = Redact(exchange.Body.ToArray(), token);
        var entry = new JsonObject
        {
            ["description"] = $"Foundry LLM proxy, {target.Model.Id} on {target.Route}: {result.Outcome.ToString().ToLowerInvariant()}",
            ["source"] = $"foundry-llm probe of {host} on {date}",
            ["request_uri"] = exchange.RequestUri is { } uri ? uri.GetLeftPart(UriPartial.Path) + uri.Query : null,
            ["http_status"] = new JsonObject { ["code"] = exchange.Status },
            ["content_type"] = exchange.ContentType,
            ["headers"] = new JsonObject(exchange.Headers.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))),
            ["framing"] = "verbatim (body as the client read it; chunk boundaries not recorded)",
            ["file"] = file,
            ["bytes"] = body.Length,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(body)),
        };
        if (RequestJson(exchange.RequestBody, token) is { } request)
        {
            // The request the reply answers: Foundry.Generated.Testing replays the fixture only for the same request.
            entry["request"] = request;
        }

        lock (_gate)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(Path.Combine(directory, file), body);
            _entries.RemoveAll(e => (string?)e["file"] == file);
            _entries.Add(entry);
        }
    }

    /// <summary>Writes <c>manifest.json</c>, merged with one already in the folder (same file names replaced).</summary>
    public void WriteManifest()
    {
        lock (_gate)
        {
            if (_entries.Count == 0)
            {
                return;
            }

            var path = Path.Combine(directory, "manifest.json");
            var manifest = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonArray ?? new JsonArray() : new JsonArray();
            foreach (var entry in _entries.OrderBy(e => (string?)e["file"], StringComparer.Ordinal))
            {
                var old = manifest.OfType<JsonObject>().FirstOrDefault(e => (string?)e["file"] == (string?)entry["file"]);
                if (old != null)
                {
                    manifest.Remove(old);
                }

                manifest.Add(entry.DeepClone());
            }

            File.WriteAllText(path, manifest.ToJsonString(Format) + "\n");
        }
    }

    private static JsonObject? RequestJson(byte[]? body, string? token)
    {
        if (body is null || body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Redact(body, token)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The body with every occurrence of the token replaced by <c>***</c>.</summary>
    public static byte[] Redact(byte[] body, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return body;
        }

        var text = Encoding.UTF8.GetString(body);
        return text.Contains(token, StringComparison.Ordinal) ? Encoding.UTF8.GetBytes(text.Replace(token, "***", StringComparison.Ordinal)) : body;
    }
}
