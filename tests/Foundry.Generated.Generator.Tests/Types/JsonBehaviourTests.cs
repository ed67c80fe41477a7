using System.Collections;
using System.Collections.Generic;
using System.Text.Json;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Types;

/// <summary>What the generated readers and writers do with real JSON, through the compiled fixture types.</summary>
public sealed class JsonBehaviourTests(GeneratedTypes types) : IClassFixture<GeneratedTypes>
{
    [Theory]
    [InlineData("3", 3)]
    [InlineData("3.0", 3)]
    [InlineData("3e1", 30)]
    public void Integers_written_as_whole_decimals_are_read(string number, int expected)
    {
        var value = types.Read("Node", "{\"id\":\"n\",\"small\":" + number + "}");

        Assert.Equal(expected, GeneratedTypes.Get(value, "Small"));
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("3000000000")]
    public void A_fraction_or_an_out_of_range_integer_is_an_error_naming_the_number_not_a_truncation(string number)
    {
        var error = Assert.Throws<JsonException>(() => types.Read("Node", "{\"id\":\"n\",\"small\":" + number + "}"));

        Assert.Contains("found the number " + number, error.Message);
    }

    [Fact]
    public void Union_dispatches_when_the_discriminator_is_not_the_first_property()
    {
        var value = types.Read("StreamEvent", """{"delta":"hi","index":3,"logprobs":[],"type":"text.delta"}""");

        Assert.Equal("TextDelta", value.GetType().Name);
        Assert.Equal("hi", GeneratedTypes.Get(value, "Delta"));
        Assert.Equal(3, GeneratedTypes.Get(value, "Index"));
        Assert.Equal("text.delta", GeneratedTypes.Get(value, "Type"));
        AssertSameJson("""{"type":"text.delta","delta":"hi","index":3,"logprobs":[]}""", GeneratedTypes.Write(value));
    }

    [Fact]
    public void An_escaped_discriminator_still_picks_its_member()
    {
        var value = types.Read("StreamEvent", """{"type":"text\u002edelta","delta":"hi","index":3,"logprobs":[]}""");

        Assert.Equal("TextDelta", value.GetType().Name);
    }

    [Fact]
    public void Discriminator_inside_a_nested_object_is_not_mistaken_for_the_members()
    {
        var value = types.Read("StreamEvent", """{"item":{"type":"message","content":"x"},"type":"finished"}""");

        Assert.Equal("Finished", value.GetType().Name);
        var item = GeneratedTypes.Get(value, "Item")!;
        Assert.Equal("Message", item.GetType().Name);
    }

    [Fact]
    public void Unknown_discriminator_value_becomes_the_unknown_member_and_writes_its_raw_json_back()
    {
        const string json = """{"type":"audio.delta","bytes":"AAEC","nested":{"type":"text.delta"},"n":[1,2.5,null]}""";

        var value = types.Read("StreamEvent", json);

        Assert.Equal("UnknownStreamEvent", value.GetType().Name);
        Assert.Equal("audio.delta", GeneratedTypes.Get(value, "DiscriminatorValue"));
        Assert.Equal("audio.delta", GeneratedTypes.Get(value, "Type"));
        AssertSameJson(json, GeneratedTypes.Write(value));
    }

    [Fact]
    public void Missing_discriminator_becomes_the_unknown_member_with_an_empty_value()
    {
        var value = types.Read("StreamEvent", """{"delta":"hi"}""");

        Assert.Equal("UnknownStreamEvent", value.GetType().Name);
        Assert.Equal(string.Empty, GeneratedTypes.Get(value, "DiscriminatorValue"));
    }

    [Fact]
    public void Member_shared_by_two_unions_derives_from_one_and_is_wrapped_in_the_other()
    {
        const string json = """{"type":"tool_call","name":"lookup","arguments":"{}"}""";

        var asEvent = types.Read("StreamEvent", json);
        var asItem = types.Read("OutputItem", json);

        Assert.Equal("ToolCall", asEvent.GetType().Name);
        Assert.Equal("OutputItemToolCall", asItem.GetType().Name);
        Assert.True(types.Type("OutputItem").IsAssignableFrom(asItem.GetType()));
        var wrapped = GeneratedTypes.Get(asItem, "Value")!;
        Assert.Equal("ToolCall", wrapped.GetType().Name);
        Assert.Equal("lookup", GeneratedTypes.Get(wrapped, "Name"));
        AssertSameJson(json, GeneratedTypes.Write(asItem));
        AssertSameJson(json, GeneratedTypes.Write(asEvent));
    }

    [Fact]
    public void A_wrapped_member_keeps_unknown_properties_from_the_wire_and_writes_ones_added_to_the_wrapper()
    {
        var asItem = types.Read("OutputItem", """{"type":"tool_call","name":"lookup","arguments":"{}","future":1}""");
        AssertSameJson("""{"type":"tool_call","name":"lookup","arguments":"{}","future":1}""", GeneratedTypes.Write(asItem));

        var added = (IDictionary<string, JsonElement>)new Dictionary<string, JsonElement> { ["note"] = JsonDocument.Parse("\"x\"").RootElement };
        asItem.GetType().GetProperty("AdditionalProperties")!.SetValue(asItem, added);

        AssertSameJson("""{"type":"tool_call","name":"lookup","arguments":"{}","future":1,"note":"x"}""", GeneratedTypes.Write(asItem));
    }

    [Theory]
    [InlineData("\"assistant\"")]
    [InlineData("\"assist\\u0061nt\"")]
    public void A_known_enum_value_is_read_as_the_static_member_without_a_new_string(string json)
    {
        var read = types.Read("Role", json);
        var member = types.Type("Role").GetProperty("Assistant")!.GetValue(null)!;

        Assert.Equal(member, read);
        Assert.Same(GeneratedTypes.Get(member, "Value"), GeneratedTypes.Get(read, "Value"));
    }

    [Fact]
    public void An_unknown_enum_value_is_kept()
    {
        Assert.Equal("moderator", GeneratedTypes.Get(types.Read("Role", "\"moderator\""), "Value"));
    }

    [Fact]
    public void Unknown_properties_are_kept_on_read_and_written_back()
    {
        const string json = """{"object":"node","id":"n1","note":null,"count":5,"future":{"a":[1,{"b":true}]},"also":"x"}""";

        var node = types.Read("Node", json);

        var extra = Assert.IsAssignableFrom<IDictionary<string, JsonElement>>(GeneratedTypes.Get(node, "AdditionalProperties"));
        Assert.Equal(new[] { "also", "future" }, Sorted(extra.Keys));
        AssertSameJson(json, GeneratedTypes.Write(node));
    }

    [Fact]
    public void Records_read_nested_recursive_values_maps_and_free_form_json()
    {
        const string json = """
            {"object":"node","id":"root","note":"n","count":9000000000,"big":10000000000,"small":7,"ratio":0.25,"flag":false,
             "parent":null,"children":[{"object":"node","id":"c","note":null,"count":1}],
             "byName":{"k":{"object":"node","id":"m","note":null,"count":2}},"meta":{"free":["form",1]},"role":"assistant","kind":"optional-constant"}
            """;

        var node = types.Read("Node", json);

        Assert.Equal(9000000000L, GeneratedTypes.Get(node, "Count"));
        Assert.Equal(10000000000L, GeneratedTypes.Get(node, "Big"));
        Assert.Equal(7, GeneratedTypes.Get(node, "Small"));
        Assert.Null(GeneratedTypes.Get(node, "Parent"));
        var children = Assert.IsAssignableFrom<IList>(GeneratedTypes.Get(node, "Children"));
        Assert.Equal("c", GeneratedTypes.Get(children[0]!, "Id"));
        var meta = Assert.IsType<JsonElement>(GeneratedTypes.Get(node, "Meta"));
        Assert.Equal("form", meta.GetProperty("free")[0].GetString());
        Assert.Equal("assistant", GeneratedTypes.Get(node, "Role")!.ToString());
        // Read → write is faithful: the explicit "parent": null is written back, absent properties stay absent.
        AssertSameJson(json, GeneratedTypes.Write(node));
    }

    [Fact]
    public void Writing_omits_absent_optionals_and_does_not_invent_absent_required_numbers_but_always_writes_required_constants()
    {
        var node = types.Read("Node", """{"id":"x","note":null}""");

        AssertSameJson("""{"object":"node","id":"x","note":null}""", GeneratedTypes.Write(node));
    }

    [Fact]
    public void Open_enum_keeps_values_the_spec_does_not_list()
    {
        var known = types.Read("Role", "\"system\"");
        var unknown = types.Read("Role", "\"developer\"");
        var system = types.Type("Role").GetProperty("System")!.GetValue(null)!;

        Assert.Equal(system, known);
        Assert.Equal("developer", unknown.ToString());
        Assert.NotEqual(system, unknown);
        Assert.Equal("\"developer\"", GeneratedTypes.Write(unknown));
    }

    [Theory]
    [InlineData("\"plain\"", "IsString")]
    [InlineData("""["a","b"]""", "IsStringList")]
    [InlineData("""{"text":"t","type":"text"}""", "IsTextPart")]
    [InlineData("""{"url":"u","type":"image"}""", "IsImagePart")]
    public void Union_without_discriminator_picks_the_member_by_token_and_type_value(string json, string member)
    {
        var value = types.Read("MessageContent", json);

        Assert.Equal(true, GeneratedTypes.Get(value, member));
        AssertSameJson(json, GeneratedTypes.Write(value));
    }

    [Fact]
    public void Union_without_discriminator_reads_null_as_unset()
    {
        var value = types.Read("MessageContent", "null");

        Assert.Null(GeneratedTypes.Get(value, "Value"));
        Assert.Equal("null", GeneratedTypes.Write(value));
    }

    [Theory]
    [InlineData("StreamEvent", "[1]")]
    [InlineData("Node", "\"text\"")]
    [InlineData("Node", """{"id":"x","count":"many"}""")]
    [InlineData("Node", """{"id":"x","children":{}}""")]
    [InlineData("MessageContent", "12")]
    [InlineData("Node", """{"id":"x" "count":1}""")]
    [InlineData("Node", """{"id":"x","count":1""")]
    public void Invalid_json_or_a_wrong_structure_throws_a_json_exception(string typeName, string json)
        => Assert.ThrowsAny<JsonException>(() => types.Read(typeName, json));

    private static string[] Sorted(IEnumerable<string> keys)
    {
        var list = new List<string>(keys);
        list.Sort(System.StringComparer.Ordinal);
        return list.ToArray();
    }

    private static void AssertSameJson(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        Assert.True(JsonElement.DeepEquals(e.RootElement, a.RootElement), $"expected {expected}\nactual   {actual}");
    }
}
