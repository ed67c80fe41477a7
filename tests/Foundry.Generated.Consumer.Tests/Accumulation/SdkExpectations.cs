using System;
using System.IO;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Consumer.Tests.Accumulation;

/// <summary>
/// What the official SDKs' own stream accumulators build from a recorded stream (tests/fixtures/accumulated, written by
/// tools/accumulator-expectations: <c>@anthropic-ai/sdk</c> <c>MessageStream.finalMessage()</c>, <c>openai</c>
/// <c>finalChatCompletion()</c> / <c>finalResponse()</c>), or null where the SDK stopped on the stream.
/// </summary>
internal static class SdkExpectations
{
    public static JsonNode? Of(string fixture)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "accumulated", Path.ChangeExtension(fixture, ".json"));
        return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) : null;
    }

    /// <summary>Removes what the SDK helpers add for their own parse feature (<c>parsed</c>, <c>parsed_output</c>), not part of the response.</summary>
    public static JsonNode? WithoutHelperMembers(JsonNode? node)
    {
        var copy = node?.DeepClone();
        Strip(copy);
        return copy;
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                o.Remove("parsed");
                o.Remove("parsed_output");
                foreach (var (_, value) in o)
                {
                    Strip(value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Strip(item);
                }

                break;
        }
    }
}
