using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Reading;

namespace Foundry.Generated.Spec.Sync;

/// <summary>One provider's upstream OpenAPI document, already parsed to a JSON tree, with where its nodes are in the file.</summary>
public sealed class UpstreamSpec
{
    /// <param name="provider">Schema-name prefix in the proxy spec: OpenAi, Anthropic or Gemini.</param>
    /// <param name="sourceName">File name (or path) for messages.</param>
    /// <param name="document">The document.</param>
    /// <param name="positions">Where the document's nodes start in the file; none for a document built in memory.</param>
    public UpstreamSpec(string provider, string sourceName, JsonObject document, SourceMap? positions = null)
    {
        Provider = provider;
        SourceName = sourceName;
        Document = document;
        Positions = positions ?? new SourceMap();
    }

    public string Provider { get; }

    public string SourceName { get; }

    public JsonObject Document { get; }

    public SourceMap Positions { get; }

    public JsonObject Schemas => Document["components"]?["schemas"] as JsonObject ?? new JsonObject();

    /// <summary><c>file:line:column</c> of <paramref name="node"/> (or of its nearest ancestor with a position), else the file name.</summary>
    public string Where(JsonNode? node) => Positions.Find(node) is { } p ? $"{SourceName}:{p.Line}:{p.Column}" : SourceName;

    /// <summary>An error located at <paramref name="node"/>.</summary>
    public SpecSyncException Error(JsonNode? node, string message) => new SpecSyncException($"{Where(node)}: {message}");

    /// <summary>Parses JSON text (recording line and column of every node).</summary>
    public static UpstreamSpec Parse(string provider, string sourceName, string json)
    {
        var map = new SourceMap();
        return FromTree(provider, sourceName, JsonSourceReader.Parse(sourceName, json, map), map);
    }

    /// <summary>Wraps a parsed tree, checking that it is an OpenAPI 3.0, 3.1 or 3.2 document.</summary>
    public static UpstreamSpec FromTree(string provider, string sourceName, JsonNode? root, SourceMap positions)
    {
        string Where(JsonNode? node) => positions.Find(node) is { } p ? $"{sourceName}:{p.Line}:{p.Column}" : sourceName;
        if (root is JsonObject doc)
        {
            if (doc["swagger"] is JsonNode swagger)
            {
                throw new SpecSyncException($"{Where(swagger)}: Swagger (OpenAPI 2.0) is not supported; convert the document to OpenAPI 3");
            }

            var version = doc["openapi"] as JsonValue;
            if (version != null && !(version.TryGetValue<string>(out var v) && SupportedVersion(v)))
            {
                throw new SpecSyncException($"{Where(version)}: unsupported OpenAPI version {version.ToJsonString()} (3.0.x, 3.1.x and 3.2.x are supported)");
            }
        }

        if (root is not JsonObject obj || obj["paths"] is not JsonObject)
        {
            throw new SpecSyncException($"{Where(root)}: not an OpenAPI document (no 'paths' object)");
        }

        return new UpstreamSpec(provider, sourceName, obj, positions);
    }

    private static bool SupportedVersion(string version)
        => version.StartsWith("3.0.", System.StringComparison.Ordinal) || version.StartsWith("3.1.", System.StringComparison.Ordinal) || version.StartsWith("3.2.", System.StringComparison.Ordinal)
            || version == "3.0" || version == "3.1" || version == "3.2";
}
