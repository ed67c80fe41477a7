using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.Consumer.Tests.Sse;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Errors;

/// <summary>
/// Redaction of the bearer token in error messages: a token of 8 or more characters wherever it occurs, a shorter one
/// only as a whole word, so a test token such as <c>t</c> does not turn every <c>t</c> of a message into <c>***</c>.
/// </summary>
public sealed class RedactionTests
{
    private static byte[] ErrorEvent(string message)
        => Encoding.UTF8.GetBytes("event: error\ndata: {\"type\":\"error\",\"code\":\"bad_token\",\"message\":\"" + message + "\"}\n\n");

    private static async Task<FoundryStreamException> Fail(byte[] body, string token)
    {
        using var client = RecordedStream.Client(body, 7, o => o.Token = token);
        return await Assert.ThrowsAsync<FoundryStreamException>(async () =>
        {
            await foreach (var _ in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }))
            {
            }
        });
    }

    [Fact]
    public async Task A_short_token_is_redacted_only_as_a_whole_word()
    {
        var error = await Fail(ErrorEvent("the token t is not valid for this stream"), "t");

        Assert.Equal("Foundry openai-responses stream failed after 0 event(s): the token *** is not valid for this stream (code bad_token)", error.Message);
    }

    [Fact]
    public async Task A_long_token_is_redacted_wherever_it_occurs()
    {
        const string token = "sk-test-0123456789abcdef";
        var error = await Fail(ErrorEvent($"header Bearer {token}; query token={token}x rejected"), token);

        Assert.DoesNotContain(token, error.ToString());
        Assert.Contains("header Bearer ***; query token=***x rejected", error.Message);
    }
}
