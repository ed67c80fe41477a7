using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Testing;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Structured;

/// <summary>
/// A structured-output failure keeps the model's text, which is a server string like any other: a server (or a model)
/// that echoes the bearer token does not get it into the exception's message, <c>RawText</c> or <c>ToString()</c> —
/// non-streaming, and from a stream's accumulator after the call has ended.
/// </summary>
public sealed class StructuredOutputTokenTests
{
    [Fact]
    public async Task An_answer_that_echoes_the_token_does_not_hand_it_on()
    {
        var foundry = new FakeFoundry();
        var answer = "not json: " + foundry.Token;
        foundry.Enqueue(FoundryReply.Text(answer)).Enqueue(FoundryReply.Text(answer));
        using var client = foundry.CreateClient();
        var request = new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" };

        var created = await Assert.ThrowsAsync<FoundryStructuredOutputException>(() => client.OpenAiResponses.CreateAsync(request, StructuredJson.Default.Forecast));
        var accumulator = new FoundryStructuredAccumulator<Forecast, Response>(StructuredJson.Default.Forecast);
        await foreach (var _ in client.OpenAiResponses.StreamAsync(request, accumulator))
        {
        }

        var streamed = Assert.Throws<FoundryStructuredOutputException>(() => accumulator.ToResult());

        foreach (var e in new[] { created, streamed })
        {
            Assert.Equal(FoundryStructuredOutputFailure.Unparsable, e.Failure);
            Assert.StartsWith("not json: ", e.RawText);
            Assert.DoesNotContain(foundry.Token, e.RawText);
            Assert.DoesNotContain(foundry.Token, e.ToString());
        }
    }
}
