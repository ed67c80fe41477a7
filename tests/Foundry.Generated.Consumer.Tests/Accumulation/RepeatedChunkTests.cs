using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Accumulation;

/// <summary>
/// Chat chunks that repeat the one before but for their content piece are merged by appending the piece alone (the
/// accumulator's fast path); these streams check it changes nothing the full merge would do: escaped pieces, random
/// obfuscation padding, and a chunk that changes a member between two chunks of the same shape.
/// </summary>
public sealed class RepeatedChunkTests
{
    private static string Chunk(string model, string content, string extra = "")
        => $$"""{"id":"c1","object":"chat.completion.chunk","created":1,"model":"{{model}}","choices":[{"index":0,"delta":{"content":{{content}}},"logprobs":null,"finish_reason":null}]{{extra}}}""";

    private static byte[] Sse(params string[] chunks)
        => Encoding.UTF8.GetBytes(string.Concat(chunks.Select(c => "data: " + c + "\n\n")) + "data: [DONE]\n\n");

    [Fact]
    public async Task Pieces_join_with_escapes_and_obfuscation_padding_left_out()
    {
        var body = Sse(
            """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m1","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}""",
            Chunk("m1", "\"say \\\"hi\\\"\"", ",\"obfuscation\":\"aB3\""),
            Chunk("m1", "\"\\n\\u00e9\"", ",\"obfuscation\":\"zz91x\""),
            Chunk("m1", "\" done\"", ",\"obfuscation\":\"q\""),
            """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m1","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}""");

        var (_, accumulator, error) = await ChatCompletionsAccumulatorTests.Accumulate(body);

        Assert.Null(error);
        var message = accumulator.ToResponse().Choices.Single().Message;
        Assert.Equal("say \"hi\"\né done", message.Content);
    }

    [Fact]
    public async Task A_chunk_of_the_same_shape_after_a_different_one_is_merged_in_full()
    {
        // The middle chunk changes the model and carries usage (not the repeatable shape); the last one repeats the
        // first but for its piece, so it must set the model back (the last value stands), not be appended alone.
        // (The stream ends there, with [DONE]: no later chunk sets the model again.)
        var body = Sse(
            Chunk("m1", "\"a\""),
            Chunk("m2", "\"b\"", ",\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}"),
            Chunk("m1", "\"c\""));

        var (_, accumulator, error) = await ChatCompletionsAccumulatorTests.Accumulate(body);

        Assert.Null(error);
        var response = accumulator.ToResponse();
        Assert.Equal("abc", response.Choices.Single().Message.Content);
        Assert.Equal("m1", response.Model);
        Assert.Equal(3, response.Usage!.TotalTokens);
    }
}
