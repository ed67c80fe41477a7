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

    /// <summary>Wraps a parsed tree, checking that it is an OpenAPI document at all.</summary>
    public static UpstreamSpec FromTree(string provider, string sourceName, JsonNode? root, SourceMap positions)
    {
        var where = positions.Find(root) is { } p ? $"{sourceName}:{p.Line}:{p.Column}" : sourceName;
        if (root is not JsonObject obj || obj["paths"] is not JsonObject)
        {
            throw new SpecSyncException($"{where}: not an OpenAPI document (no 'paths' object)");
        }

        return new UpstreamSpec(provider, sourceName, obj, positions);
    }
}
