using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Foundry.Generated.Consumer.Tests.Sse;

namespace Foundry.Generated.Consumer.Tests.Accumulation;

/// <summary>A recorded stream of tests/fixtures/sse split into its events (type and data), and put back together.</summary>
internal sealed record RecordedEvent(string? Type, string Data)
{
    public JsonNode? Json => Data.StartsWith('{') ? JsonNode.Parse(Data) : null;

    /// <summary>The JSON <c>type</c> member (Responses, Anthropic), or null.</summary>
    public string? JsonType => Json is JsonObject o && o["type"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static List<RecordedEvent> Of(string fixture)
    {
        var text = Encoding.UTF8.GetString(RecordedStream.Bytes(fixture)).Replace("\r\n", "\n");
        var events = new List<RecordedEvent>();
        foreach (var block in text.Split("\n\n"))
        {
            string? type = null;
            var data = new List<string>();
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    type = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Add(line["data:".Length..].TrimStart(' '));
                }
            }

            if (data.Count > 0)
            {
                events.Add(new RecordedEvent(type, string.Join('\n', data)));
            }
        }

        return events;
    }

    /// <summary>An event stream body of <paramref name="events"/>.</summary>
    public static byte[] Body(IEnumerable<RecordedEvent> events)
        => Encoding.UTF8.GetBytes(string.Concat(events.Select(e => (e.Type is null ? string.Empty : "event: " + e.Type + "\n") + "data: " + e.Data + "\n\n")));

    public static IEnumerable<string> Fixtures(params string[] prefixes)
        => System.IO.Directory.GetFiles(RecordedStream.Directory, "*.sse").Select(f => System.IO.Path.GetFileName(f)!)
            .Where(f => prefixes.Any(p => f.StartsWith(p, StringComparison.Ordinal))).OrderBy(f => f, StringComparer.Ordinal);
}
