using System.Text.Json.Nodes;

namespace Foundry.Generated.Spec.Sync;

/// <summary>One provider's upstream OpenAPI document, already parsed to JSON.</summary>
/// <param name="Provider">Schema-name prefix in the proxy spec: OpenAi, Anthropic or Gemini.</param>
/// <param name="SourceName">File name for messages.</param>
public sealed class UpstreamSpec
{
    public UpstreamSpec(string provider, string sourceName, JsonObject document)
    {
        Provider = provider;
        SourceName = sourceName;
        Document = document;
    }

    public string Provider { get; }

    public string SourceName { get; }

    public JsonObject Document { get; }

    public JsonObject Schemas => Document["components"]?["schemas"] as JsonObject ?? new JsonObject();

    public static UpstreamSpec Parse(string provider, string sourceName, string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new SpecSyncException($"{sourceName}: not valid JSON ({e.Message})");
        }

        if (node is not JsonObject obj || obj["paths"] is not JsonObject)
        {
            throw new SpecSyncException($"{sourceName}: not an OpenAPI document (no 'paths' object)");
        }

        return new UpstreamSpec(provider, sourceName, obj);
    }
}
