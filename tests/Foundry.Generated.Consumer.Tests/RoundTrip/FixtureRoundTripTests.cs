using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using Foundry.Generated.Consumer.Tests.Sse;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.RoundTrip;

/// <summary>
/// Every recorded provider stream (tests/fixtures/sse, see SOURCES.md) decodes into typed events with no Unknown
/// member where the spec knows the type, and re-serialises to equivalent JSON (null-valued and absent
/// properties count as the same; numbers compare by value).
/// </summary>
public sealed class FixtureRoundTripTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names())
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>The file names of every recorded stream, in ordinal order.</summary>
    public static IReadOnlyList<string> Names()
        => Directory.GetFiles(RecordedStream.Directory, "*.sse").Select(f => Path.GetFileName(f)!).OrderBy(f => f, StringComparer.Ordinal).ToList();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Recorded_stream_round_trips_through_the_generated_types(string fixture)
    {
        var decoded = 0;
        foreach (var item in Events(fixture))
        {
            var data = Encoding.UTF8.GetBytes(item.Data);
            if (item.Data.Trim() == "[DONE]" || IsError(item))
            {
                continue;
            }

            var (value, json) = Decode(fixture, data);
            Assert.False(value.GetType().Name.StartsWith("Unknown", StringComparison.Ordinal), $"{fixture}: unknown event {item.Data[..Math.Min(120, item.Data.Length)]}");
            AssertEquivalent(item.Data, json, fixture);
            decoded++;
        }

        Assert.True(decoded > 0, fixture + " decoded no event");
    }

    private static IEnumerable<SseItem<string>> Events(string fixture)
    {
        using var stream = File.OpenRead(RecordedStream.PathOf(fixture));
        return SseParser.Create(stream).Enumerate().ToList();
    }

    internal static bool IsError(SseItem<string> item)
        => item.EventType == "error" || (JsonDocument.Parse(item.Data).RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object);

    private static (object Value, string Json) Decode(string fixture, byte[] data)
    {
        var value = Recorded.RecordedRoutes.DecodeEvent(fixture, data);
        return (value, Recorded.RecordedRoutes.Write(value));
    }

    private static void AssertEquivalent(string expected, string actual, string fixture)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        var difference = Difference(e.RootElement, a.RootElement, "$");
        Assert.True(difference is null, $"{fixture}: {difference}\nexpected {expected[..Math.Min(400, expected.Length)]}\nactual   {actual[..Math.Min(400, actual.Length)]}");
    }

    internal static string? Difference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            return expected.GetDouble() == actual.GetDouble() ? null : $"{path}: {expected} != {actual}";
        }

        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: {expected.ValueKind} != {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                // Exact: an absent property stays absent and an explicit null stays null.
                var left = expected.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                var right = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                foreach (var name in left.Keys.Union(right.Keys))
                {
                    if (!left.TryGetValue(name, out var l) || !right.TryGetValue(name, out var r))
                    {
                        return $"{path}.{name}: present on one side only";
                    }

                    if (Difference(l, r, path + "." + name) is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var la = expected.EnumerateArray().ToList();
                var ra = actual.EnumerateArray().ToList();
                if (la.Count != ra.Count)
                {
                    return $"{path}: {la.Count} != {ra.Count} items";
                }

                for (var i = 0; i < la.Count; i++)
                {
                    if (Difference(la[i], ra[i], $"{path}[{i}]") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: {expected.GetRawText()} != {actual.GetRawText()}";
            default:
                return expected.GetRawText() == actual.GetRawText() ? null : $"{path}: {expected.GetRawText()} != {actual.GetRawText()}";
        }
    }
}
