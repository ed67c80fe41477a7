using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.RoundTrip;

/// <summary>
/// Ids and model names repeat on every event of a stream; the per-stream <see cref="FoundryStringCache"/> hands
/// out one string for them, and must never hand out a wrong one.
/// </summary>
public sealed class RepeatedStringTests
{
    private const string Chunk = "{\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4.1-2025-04-14\",\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"DELTA\"},\"finish_reason\":null}]}";

    private static string Read(FoundryStringCache cache, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return cache.GetString(ref reader);
    }

    private static CreateChatCompletionStreamResponse ReadChunk(string delta, FoundryStringCache? cache)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(Chunk.Replace("DELTA", delta)));
        reader.Read();
        return CreateChatCompletionStreamResponse.ReadJson(ref reader, cache);
    }

    [Fact]
    public void The_same_bytes_give_the_same_string_instance()
    {
        var cache = new FoundryStringCache();

        var first = Read(cache, "\"resp_0a1b2c\"");
        var second = Read(cache, "\"resp_0a1b2c\"");

        Assert.Equal("resp_0a1b2c", first);
        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("\"a\\u0062c\"", "abc")]
    [InlineData("\"\\\"quoted\\\"\"", "\"quoted\"")]
    [InlineData("\"\"", "")]
    public void Escaped_and_empty_values_are_read_exactly(string json, string expected)
    {
        var cache = new FoundryStringCache();

        Assert.Equal(expected, Read(cache, json));
        Assert.Equal(expected, Read(cache, json));
    }

    [Fact]
    public void Values_longer_than_the_cache_keeps_are_still_read_exactly()
    {
        var cache = new FoundryStringCache();
        var value = new string('x', 200);

        Assert.Equal(value, Read(cache, "\"" + value + "\""));
    }

    [Fact]
    public void Any_sequence_of_values_reads_as_without_the_cache()
    {
        // Few distinct short values over a 16-slot table: slot collisions and replacements happen all the time.
        var values = Gen.OneOf(
            Gen.Int[0, 40].Select(i => "id_" + i),
            Gen.Int[0, 5].Select(i => new[] { "a", "b", "\"", "\\", "é", "😀" }[i]).Array[0, 6].Select(string.Concat),
            Gen.String[Gen.Char.AlphaNumeric, 60, 70]);
        values.Array[1, 60].Sample(sequence =>
        {
            var cache = new FoundryStringCache();
            foreach (var value in sequence)
            {
                var json = JsonSerializer.Serialize(value);
                var plain = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
                plain.Read();
                Assert.Equal(plain.GetString(), Read(cache, json));
                Assert.Equal(value, plain.GetString());
            }
        });
    }

    [Fact]
    public void A_generated_reader_takes_ids_and_model_names_from_the_cache_but_not_the_delta()
    {
        var cache = new FoundryStringCache();

        var a = ReadChunk("one", cache);
        var b = ReadChunk("two", cache);

        Assert.Equal("chatcmpl-7", a.Id);
        Assert.Same(a.Id, b.Id);
        Assert.Same(a.Model, b.Model);
#pragma warning disable CS0612 // deprecated upstream, still sent by the recorded providers
        Assert.Same(a.SystemFingerprint, b.SystemFingerprint);
#pragma warning restore CS0612
        Assert.Equal(new[] { "one", "two" }, new[] { a, b }.Select(c => c.Choices![0].Delta.Content));
    }

    [Fact]
    public void Without_a_cache_each_read_has_its_own_strings()
    {
        var a = ReadChunk("one", null);
        var b = ReadChunk("one", null);

        Assert.Equal(a.Id, b.Id);
        Assert.NotSame(a.Id, b.Id);
    }

    [Fact]
    public void An_escaped_property_name_is_matched_like_the_plain_one()
    {
        var json = "{\"type\":\"response.output_text.delta\",\"sequence_number\":5,\"\\u0069tem_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"d\\u0065lta\":\" word\",\"logprobs\":[]}";

        var e = (ResponseTextDeltaEvent)FoundryJson.Deserialize<ResponseStreamEvent>(json);

        Assert.Equal("msg_1", e.ItemId);
        Assert.Equal(" word", e.Delta);
        Assert.Null(e.AdditionalProperties);
    }
}
