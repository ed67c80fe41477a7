using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.RoundTrip;

/// <summary>Properties the spec does not describe are kept raw while reading and survive every use of the dictionary.</summary>
public sealed class UnknownPropertiesTests
{
    private const string Known = "\"type\":\"response.output_text.delta\",\"sequence_number\":5,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\" word\",\"logprobs\":[]";

    private static ResponseTextDeltaEvent Read(string unknown)
        => (ResponseTextDeltaEvent)FoundryJson.Deserialize<ResponseStreamEvent>("{" + Known + "," + unknown + "}");

    [Theory]
    [InlineData("\"obfuscation\":\"Xy1z\"")]
    [InlineData("\"escaped\":\"a\\\"b\\\\c\\u00e9\\n\"")]
    [InlineData("\"n\":-12.5e3,\"t\":true,\"f\":false,\"z\":null")]
    [InlineData("\"nested\":{\"a\":[1,{\"b\":\"c\"}],\"d\":{}},\"list\":[\"x\",2,null]")]
    [InlineData("\"na\\u006De\":1,\"emoji\":\"\ud83d\ude00\"")]
    public void Unknown_values_round_trip_exactly(string unknown)
    {
        var e = Read(unknown);

        var expected = JsonNode.Parse("{" + unknown + "}")!.AsObject();
        Assert.Equal(expected.Count, e.AdditionalProperties!.Count);
        foreach (var (name, value) in expected)
        {
            Assert.True(JsonNode.DeepEquals(value, JsonNode.Parse(e.AdditionalProperties[name].GetRawText())), name);
        }

        var written = JsonNode.Parse(FoundryJson.Serialize<ResponseStreamEvent>(e))!.AsObject();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{" + Known + "," + unknown + "}"), written), written.ToJsonString());
    }

    [Fact]
    public void No_unknown_properties_means_no_dictionary()
    {
        Assert.Null(((ResponseTextDeltaEvent)FoundryJson.Deserialize<ResponseStreamEvent>("{" + Known + "}")).AdditionalProperties);
    }

    [Fact]
    public void The_dictionary_can_be_changed_after_reading_and_a_repeated_name_keeps_the_last_value()
    {
        var e = Read("\"a\":1,\"b\":\"two\",\"a\":3");
        var bag = e.AdditionalProperties!;

        Assert.Equal(3, bag["a"].GetInt32());
        bag.Remove("b");
        bag["c"] = JsonDocument.Parse("[true]").RootElement;
        bag.Add(new KeyValuePair<string, JsonElement>("d", JsonDocument.Parse("\"x\"").RootElement));

        Assert.Equal(new[] { "a", "c", "d" }, bag.Keys.OrderBy(k => k).ToArray());
        Assert.True(bag.ContainsKey("c"));
        Assert.False(bag.TryGetValue("b", out _));
        var written = JsonNode.Parse(FoundryJson.Serialize<ResponseStreamEvent>(e))!.AsObject();
        Assert.Equal(3, (int)written["a"]!);
        Assert.False(written.ContainsKey("b"));
        Assert.Equal("x", (string?)written["d"]);
    }

    [Fact]
    public void A_value_read_from_a_split_buffer_is_kept_too()
    {
        // Utf8JsonReader over a multi-segment sequence: names and values may come as sequences.
        var bytes = System.Text.Encoding.UTF8.GetBytes("{" + Known + ",\"obfuscation\":\"Xy1z\",\"more\":{\"k\":\"v\"}}");
        var first = new Segment(bytes.AsMemory(0, bytes.Length - 20));
        var last = first.Append(bytes.AsMemory(bytes.Length - 20));
        var reader = new Utf8JsonReader(new System.Buffers.ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        reader.Read();

        var e = (ResponseTextDeltaEvent)ResponseStreamEvent.ReadJson(ref reader);

        Assert.Equal("Xy1z", e.AdditionalProperties!["obfuscation"].GetString());
        Assert.Equal("v", e.AdditionalProperties["more"].GetProperty("k").GetString());
    }

    // Random JSON texts: strings with escapes, control and non-ASCII characters, numbers, literals, nested arrays and
    // objects. No surrogates: a lone one (Gen.Char picks single chars) would become U+FFFD and merge distinct names.
    private static readonly Gen<string> Name = Gen.String[Gen.Char["a\"\\/é€\u0001 bz_"], 1, 6];

    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.String[Gen.Char["ab\"\\\n\té€\u0000/"], 0, 8].Select(v => JsonSerializer.Serialize(v)),
        Gen.Double[-1e6, 1e6].Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Long.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Int[0, 2].Select(i => i == 0 ? "true" : i == 1 ? "false" : "null"));

    private static readonly Gen<string> Value = Gen.Recursive<string>((depth, value) => depth >= 3
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, value.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Name.Array[0, 3], value.Array[3]).Select((names, values) =>
                "{" + string.Join(",", names.Distinct().Select((n, i) => JsonSerializer.Serialize(n) + ":" + values[i])) + "}"))));

    [Fact]
    public void Random_unknown_properties_survive_reading_and_writing()
    {
        Gen.Select(Name.Array[1, 5], Value.Array[5]).Sample((names, values) =>
        {
            // Prefixed so no name is one the schema knows; distinct, as JsonNode (the expectation) refuses duplicates.
            names = names.Distinct().ToArray();
            var unknown = string.Join(",", names.Select((n, i) => JsonSerializer.Serialize("x" + n) + ":" + values[i]));
            var json = "{" + Known + "," + unknown + "}";
            var e = (ResponseTextDeltaEvent)FoundryJson.Deserialize<ResponseStreamEvent>(json);
            var written = JsonNode.Parse(FoundryJson.Serialize<ResponseStreamEvent>(e))!;

            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), written), json + " => " + written.ToJsonString());
            Assert.Equal(names.Length, e.AdditionalProperties!.Count);
        }, iter: 300, threads: 1);
    }

    private sealed class Segment : System.Buffers.ReadOnlySequenceSegment<byte>
    {
        public Segment(System.ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(System.ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
