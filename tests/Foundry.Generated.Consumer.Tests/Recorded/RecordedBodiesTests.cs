using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.ServerSentEvents;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Foundry.Generated.Consumer.Tests.RoundTrip;
using Foundry.Generated.Consumer.Tests.Sse;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Recorded;

/// <summary>
/// No silent failure on real bodies (issue 15): every recorded stream (tests/fixtures/sse) and every recorded
/// non-streaming body (tests/fixtures/json) decodes through the generated types with no <c>Unknown…</c> value anywhere
/// in the decoded graph and no null in a member whose type says it cannot be null; a body writes back to the same JSON
/// value it was read from (an absent property stays absent, an explicit null stays null; numbers compare by value).
/// </summary>
public sealed class RecordedBodiesTests
{
    public static TheoryData<string> Streams() => FixtureRoundTripTests.Fixtures();

    public static TheoryData<string> Bodies()
    {
        var data = new TheoryData<string>();
        foreach (var name in RecordedRoutes.JsonNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Streams))]
    public void Every_event_of_a_recorded_stream_decodes_with_no_unknown_value_and_no_null_where_none_is_allowed(string fixture)
    {
        var problems = new List<string>();
        var decoded = 0;
        using (var stream = File.OpenRead(RecordedStream.PathOf(fixture)))
        {
            foreach (var item in SseParser.Create(stream).Enumerate())
            {
                if (item.Data.Trim() == "[DONE]" || FixtureRoundTripTests.IsError(item))
                {
                    continue;
                }

                var value = RecordedRoutes.DecodeEvent(fixture, Encoding.UTF8.GetBytes(item.Data));
                problems.AddRange(DecodedGraph.Problems(value).Select(p => $"event {decoded} ({item.EventType}): {p}"));
                decoded++;
            }
        }

        Assert.True(decoded > 0, fixture + " decoded no event");
        Assert.True(problems.Count == 0, $"{fixture}: {problems.Count} problems\n" + string.Join("\n", problems.Distinct().Take(40)));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_recorded_body_decodes_with_no_unknown_value_and_no_null_where_none_is_allowed(string fixture)
    {
        var value = RecordedRoutes.DecodeBody(fixture, File.ReadAllBytes(Path.Combine(RecordedRoutes.JsonDirectory, fixture)));

        var problems = DecodedGraph.Problems(value);

        Assert.True(problems.Count == 0, $"{fixture}: {problems.Count} problems\n" + string.Join("\n", problems.Take(40)));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_recorded_body_writes_back_the_json_it_was_read_from(string fixture)
    {
        var text = File.ReadAllText(Path.Combine(RecordedRoutes.JsonDirectory, fixture));
        var value = RecordedRoutes.DecodeBody(fixture, Encoding.UTF8.GetBytes(text));

        var written = RecordedRoutes.Write(value);

        using var expected = JsonDocument.Parse(text);
        using var actual = JsonDocument.Parse(written);
        var difference = FixtureRoundTripTests.Difference(expected.RootElement, actual.RootElement, "$");
        Assert.True(difference is null, $"{fixture}: {difference}");
    }

    [Theory]
    [InlineData("openai-embeddings-base64.json", 1536)]
    [InlineData("openai-embeddings-base64-documents.json", 1536)]
    [InlineData("openai-embeddings-float.json", 1536)]
    public void An_embedding_reads_as_numbers_whether_sent_as_a_number_array_or_base64(string fixture, int dimensions)
    {
        var text = File.ReadAllText(Path.Combine(RecordedRoutes.JsonDirectory, fixture));
        var response = (Foundry.Generated.OpenAi.CreateEmbeddingResponse)RecordedRoutes.DecodeBody(fixture, Encoding.UTF8.GetBytes(text));
        using var json = JsonDocument.Parse(text);

        Assert.NotEmpty(response.Data);
        foreach (var item in response.Data)
        {
            var raw = json.RootElement.GetProperty("data")[item.Index].GetProperty("embedding");
            Assert.Equal(raw.ValueKind == JsonValueKind.String, item.EmbeddingValue.IsString);
            var floats = item.EmbeddingValue.ToFloats();
            Assert.Equal(dimensions, floats.Length);
            Assert.All(floats, f => Assert.True(float.IsFinite(f) && Math.Abs(f) < 1, $"{fixture}: {f} is not a unit-vector component"));
            if (raw.ValueKind == JsonValueKind.String)
            {
                var bytes = Convert.FromBase64String(raw.GetString()!);
                Assert.Equal(BitConverter.ToSingle(bytes, 4 * 7), floats[7]);
                Assert.Equal(BitConverter.ToSingle(bytes, 4 * (dimensions - 1)), floats[dimensions - 1]);
            }
            else
            {
                Assert.Equal((float)raw[7].GetDouble(), floats[7]);
                Assert.Equal(raw.GetArrayLength(), item.EmbeddingValue.AsDoubleList!.Count);
            }
        }
    }

    [Theory]
    [InlineData("sse")]
    [InlineData("json")]
    public void Every_recording_is_attributed_in_its_manifest_with_its_bytes(string folder)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "fixtures", folder);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "manifest.json")));
        var entries = manifest.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("file").GetString()!, e => e.Clone());
        var files = Directory.GetFiles(directory).Select(f => Path.GetFileName(f)!).Where(f => f != "manifest.json" && f != "SOURCES.md").OrderBy(f => f, StringComparer.Ordinal).ToList();

        Assert.Equal(files, entries.Keys.OrderBy(f => f, StringComparer.Ordinal).ToList());
        var sources = File.ReadAllText(Path.Combine(directory, "SOURCES.md"));
        foreach (var file in files)
        {
            var entry = entries[file];
            var bytes = File.ReadAllBytes(Path.Combine(directory, file));
            Assert.Equal(entry.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(entry.GetProperty("bytes").GetInt32(), bytes.Length);
            foreach (var field in new[] { "repo", "path", "license", "file_last_commit", "framing" })
            {
                Assert.False(string.IsNullOrEmpty(entry.GetProperty(field).GetString()), $"{file}: no {field}");
            }

            Assert.Contains("### " + file, sources);
        }
    }
}
