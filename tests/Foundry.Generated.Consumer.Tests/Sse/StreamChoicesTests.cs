using System.Text.Json;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Sse;

/// <summary>
/// A chat stream judges its end and its errors from each decoded chunk (<see cref="IFoundryStreamChoices"/>, generated
/// on records shaped like a chat completion) instead of searching the chunk's bytes again. Without the interface the
/// stream still works (it falls back to the byte search), so only this test notices when the generator stops emitting it.
/// </summary>
public sealed class StreamChoicesTests
{
    [Fact]
    public void A_decoded_chat_chunk_reports_each_choice_index_and_finish()
    {
        var chunk = Read("""{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"a"},"finish_reason":null},{"index":3,"delta":{},"finish_reason":"stop"}]}""");

        var choices = Assert.IsAssignableFrom<IFoundryStreamChoices>(chunk);
        Assert.Equal(2, choices.ChoiceCount);
        Assert.Equal((0L, false), (choices.ChoiceIndex(0), choices.ChoiceFinished(0)));
        Assert.Equal((3L, true), (choices.ChoiceIndex(1), choices.ChoiceFinished(1)));
        Assert.Null(choices.AdditionalProperties);
    }

    [Fact]
    public void A_top_level_error_beside_the_choices_lands_where_the_error_check_looks()
    {
        // OpenRouter sends an error object in an otherwise ordinary chunk.
        var chunk = Read("""{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"error"}],"error":{"code":502,"message":"upstream"}}""");

        var choices = Assert.IsAssignableFrom<IFoundryStreamChoices>(chunk);
        Assert.Equal(JsonValueKind.Object, choices.AdditionalProperties!["error"].ValueKind);
    }

    private static CreateChatCompletionStreamResponse Read(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        return CreateChatCompletionStreamResponse.ReadJson(ref reader);
    }
}
