using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Accumulation;

/// <summary>
/// Responses delta events that repeat the one before but for their sequence number, piece and obfuscation padding are
/// placed by appending the piece alone (the accumulator's fast path). On streams without a terminal event (so the
/// result is built from the pieces, not taken from the provider's final response) it changes nothing the full read
/// would do: escaped pieces, varying padding, and an event between two of the same shape that replaces the part.
/// </summary>
public sealed class RepeatedDeltaEventTests
{
    private const string Start = """{"type":"response.created","sequence_number":0,"response":{"id":"resp_1","object":"response","status":"in_progress","output":[]}}""";
    private const string Item = """{"type":"response.output_item.added","sequence_number":1,"output_index":0,"item":{"id":"msg_1","type":"message","role":"assistant","status":"in_progress","content":[]}}""";
    private const string Part = """{"type":"response.content_part.added","sequence_number":2,"item_id":"msg_1","output_index":0,"content_index":0,"part":{"type":"output_text","text":"","annotations":[]}}""";

    private static string Delta(int sequence, string piece, string obfuscation)
        => $$"""{"type":"response.output_text.delta","sequence_number":{{sequence}},"item_id":"msg_1","output_index":0,"content_index":0,"delta":{{piece}},"logprobs":[],"obfuscation":"{{obfuscation}}"}""";

    private static byte[] Sse(params string[] events)
        => Encoding.UTF8.GetBytes(string.Concat(events.Select(e => "event: " + e.Split('"')[3] + "\ndata: " + e + "\n\n")));

    private static string Text(FoundryStreamAccumulator<Response> accumulator)
        => System.Text.Json.Nodes.JsonNode.Parse(accumulator.ToResponseJson())!["output"]![0]!["content"]![0]!["text"]!.GetValue<string>();

    [Fact]
    public async Task Pieces_join_with_escapes_whatever_their_sequence_numbers_and_padding()
    {
        var body = Sse(Start, Item, Part,
            Delta(3, "\"say \\\"hi\\\"\"", "a1"),
            Delta(4, "\"\\n\\u00e9{[\"", "bb22"),
            Delta(15, "\" done\"", "c"));

        var (_, accumulator) = await ResponsesAccumulatorTests.Accumulate(body, allowMissingTerminal: true);

        Assert.Equal("say \"hi\"\né{[ done", Text(accumulator));
    }

    [Fact]
    public async Task A_delta_after_an_event_that_replaced_its_part_goes_to_the_new_part()
    {
        var done = """{"type":"response.content_part.done","sequence_number":4,"item_id":"msg_1","output_index":0,"content_index":0,"part":{"type":"output_text","text":"a","annotations":[]}}""";
        var body = Sse(Start, Item, Part, Delta(3, "\"a\"", "x"), done, Delta(5, "\"b\"", "y"));

        var (_, accumulator) = await ResponsesAccumulatorTests.Accumulate(body, allowMissingTerminal: true);

        Assert.Equal("ab", Text(accumulator));
    }
}
