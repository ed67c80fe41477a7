using System.Text.Json.Nodes;
using Foundry.Generated.Runtime;
using Foundry.Generated.Hosting.AI;
using Microsoft.Extensions.AI;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.ExtensionsAI;

/// <summary>
/// FoundryPartialArgsBuffer and FoundryJsonPath, the spec-independent half of Gemini's streamed function-call
/// arguments (Vertex AI partialArgs): one call per opened call, its pieces joined by JSON path.
/// </summary>
public sealed class PartialArgsBufferTests
{
    [Fact]
    public void A_call_opened_with_will_continue_collects_its_pieces_until_a_part_without_it()
    {
        var buffer = new FoundryPartialArgsBuffer();

        Assert.Null(buffer.Part(null, "getWeather", null, 0));
        Assert.Null(buffer.EndPart(willContinue: true, 0));
        buffer.Part(null, null, null, 0);
        buffer.String("$.location", "Bos");
        Assert.Null(buffer.EndPart(willContinue: true, 0));
        buffer.Part(null, null, null, 0);
        buffer.String("$.location", "ton");
        buffer.Number("$.days", 3);
        buffer.Boolean("$.metric", true);
        buffer.Null("$.unit");
        var call = buffer.EndPart(willContinue: false, 0);

        Assert.NotNull(call);
        Assert.Equal("getWeather", call.Name);
        Assert.Equal("getWeather#0", call.CallId);
        Assert.Null(call.Exception);
        Assert.Equal("""{"location":"Boston","days":3,"metric":true,"unit":null}""", Json(call));
        Assert.False(buffer.IsOpen);
    }

    [Fact]
    public void Nested_paths_build_objects_and_arrays_in_order()
    {
        var root = new JsonObject();

        Assert.Null(FoundryJsonPath.Set(root, "$.recipe.ingredients[0].name", JsonValue.Create("Noodles"), append: true));
        Assert.Null(FoundryJsonPath.Set(root, "$.recipe.ingredients[0].amount", JsonValue.Create("16 oz"), append: true));
        Assert.Null(FoundryJsonPath.Set(root, "$.recipe.ingredients[1]['name']", JsonValue.Create("Beef"), append: true));
        Assert.Null(FoundryJsonPath.Set(root, "$.recipe[\"steps\"][0]", JsonValue.Create("Bake"), append: true));
        Assert.Null(FoundryJsonPath.Set(root, "$.recipe.steps[0]", JsonValue.Create("."), append: true));

        Assert.Equal("""{"recipe":{"ingredients":[{"name":"Noodles","amount":"16 oz"},{"name":"Beef"}],"steps":["Bake."]}}""", root.ToJsonString());
    }

    [Theory]
    [InlineData("location")]
    [InlineData("$.")]
    [InlineData("$.a[x]")]
    [InlineData("$.a['b'")]
    [InlineData("$.items[2]")]
    public void A_path_it_cannot_follow_is_reported(string path)
    {
        var root = new JsonObject { ["items"] = new JsonArray() };

        Assert.NotNull(FoundryJsonPath.Set(root, path, JsonValue.Create(1), append: false));
    }

    [Fact]
    public void A_path_through_a_value_of_another_kind_fails_the_call_instead_of_dropping_the_piece()
    {
        var buffer = new FoundryPartialArgsBuffer();
        buffer.Part(null, "f", null, 0);
        buffer.String("$.a", "text");
        buffer.String("$.a.b", "x");

        var call = buffer.EndPart(willContinue: false, 0);

        Assert.NotNull(call);
        Assert.IsType<System.FormatException>(call.Exception);
    }

    [Fact]
    public void A_piece_without_a_value_fails_the_call()
    {
        var buffer = new FoundryPartialArgsBuffer();
        buffer.Part(null, "f", null, 0);
        buffer.Unreadable("$.a");

        Assert.IsType<System.FormatException>(buffer.EndPart(willContinue: false, 0)!.Exception);
    }

    [Fact]
    public void A_whole_call_keeps_its_args_and_id_and_an_empty_part_with_nothing_open_is_no_call()
    {
        var buffer = new FoundryPartialArgsBuffer();

        Assert.Null(buffer.Part(null, null, null, 0));
        Assert.Null(buffer.EndPart(willContinue: false, 0));
        buffer.Part("id-1", "lookup", """{"q": "x"}""", 0);
        var call = buffer.EndPart(willContinue: false, 0);

        Assert.Equal("id-1", call!.CallId);
        Assert.Equal("""{"q":"x"}""", Json(call));
    }

    [Fact]
    public void A_new_name_before_the_open_call_ended_completes_the_open_call_first()
    {
        var buffer = new FoundryPartialArgsBuffer();
        buffer.Part(null, "first", null, 0);
        buffer.String("$.a", "1");
        buffer.EndPart(willContinue: true, 0);

        var interrupted = buffer.Part(null, "second", null, 0);
        var second = buffer.EndPart(willContinue: false, 1);

        Assert.Equal("first", interrupted!.Name);
        Assert.Equal("""{"a":"1"}""", Json(interrupted));
        Assert.Equal("second", second!.Name);
        Assert.Equal("second#1", second.CallId);
    }

    [Fact]
    public void Flush_gives_a_call_the_stream_left_open()
    {
        var buffer = new FoundryPartialArgsBuffer();
        buffer.Part(null, "f", null, 0);
        buffer.Number("$.n", 0.5);
        buffer.EndPart(willContinue: true, 0);

        Assert.Equal("""{"n":0.5}""", Json(buffer.Flush(0)!));
        Assert.Null(buffer.Flush(1));
    }

    // Compact, for comparison (the arguments serialise indented).
    internal static string Json(FunctionCallContent call) => JsonNode.Parse(FoundryChatMapping.ArgumentsJson(call.Arguments))!.ToJsonString();
}
