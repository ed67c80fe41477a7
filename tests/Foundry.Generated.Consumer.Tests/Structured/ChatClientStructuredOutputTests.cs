using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Foundry.Generated.Testing;
using Microsoft.Extensions.AI;
using Xunit;
using Anthropic = Foundry.Generated.Anthropic;

namespace Foundry.Generated.Consumer.Tests.Structured;

/// <summary><c>ChatOptions.ResponseFormat</c> through the IChatClient adapters: <c>GetResponseAsync&lt;T&gt;</c> sends
/// each route's format (Anthropic's <c>output_config.format</c> included) and reads the answer as T.</summary>
public sealed class ChatClientStructuredOutputTests
{
    [Fact]
    public async Task Anthropic_GetResponseAsync_of_T_sends_output_config_format_and_parses_the_answer()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();
        IChatClient chat = client.AnthropicMessages.AsIChatClient(AnthropicMessagesModel.ClaudeHaiku4_5);

        var response = await chat.GetResponseAsync<Forecast>("Bergen", StructuredJson.Default.Options);

        using var sent = JsonDocument.Parse(foundry.LastRequest.BodyText);
        var format = sent.RootElement.GetProperty("output_config").GetProperty("format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.False(format.GetProperty("schema").GetProperty("additionalProperties").GetBoolean());
        Assert.True(format.GetProperty("schema").GetProperty("properties").TryGetProperty("city", out _));
        Assert.Equal("Bergen", response.Result.City);
    }

    [Fact]
    public async Task Anthropic_refuses_json_without_a_schema_before_any_request()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();
        IChatClient chat = client.AnthropicMessages.AsIChatClient(AnthropicMessagesModel.ClaudeHaiku4_5);

        await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync("x", new ChatOptions { ResponseFormat = ChatResponseFormat.Json }));

        Assert.Empty(foundry.Requests);
    }

    [Fact]
    public async Task Anthropic_a_raw_request_s_own_output_config_wins_or_is_refused_when_it_cannot_be_merged()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();
        IChatClient chat = client.AnthropicMessages.AsIChatClient(AnthropicMessagesModel.ClaudeHaiku4_5);
        var ownSchema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}""").RootElement.Clone();
        var withFormat = new Anthropic.CreateMessageParams
        {
            Model = AnthropicMessagesModel.ClaudeHaiku4_5,
            MaxTokens = 100,
            Messages = [],
            OutputConfig = new Anthropic.OutputConfig { Format = new Anthropic.JsonOutputFormat { Schema = ownSchema } },
        };

        await chat.GetResponseAsync<Forecast>("Oslo", StructuredJson.Default.Options, new ChatOptions { RawRepresentationFactory = _ => withFormat });

        using (var sent = JsonDocument.Parse(foundry.LastRequest.BodyText))
        {
            var configs = sent.RootElement.EnumerateObject().Count(p => p.Name == "output_config");
            Assert.Equal(1, configs);
            Assert.False(sent.RootElement.GetProperty("output_config").GetProperty("format").GetProperty("schema").GetProperty("properties").TryGetProperty("highCelsius", out _));
        }

        var effortOnly = withFormat with { OutputConfig = new Anthropic.OutputConfig { Effort = Anthropic.EffortLevel.Low } };
        var requests = foundry.Requests.Count;
        await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync<Forecast>("Oslo", StructuredJson.Default.Options, new ChatOptions { RawRepresentationFactory = _ => effortOnly }));
        Assert.Equal(requests, foundry.Requests.Count);
    }

    [Theory]
    [InlineData("responses")]
    [InlineData("chat")]
    [InlineData("gemini")]
    public async Task Every_other_route_sends_its_format_for_GetResponseAsync_of_T(string route)
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();
        IChatClient chat = route switch
        {
            "responses" => client.OpenAiResponses.AsIChatClient(ResponsesModel.Gpt5Mini),
            "chat" => client.OpenAiChatCompletions.AsIChatClient(ChatCompletionsModel.Gpt4_1),
            _ => client.GoogleGenerateContent.AsIChatClient(GeminiModel.Gemini3Flash),
        };

        var response = await chat.GetResponseAsync<Forecast>("Tromsø", StructuredJson.Default.Options);

        Assert.Equal("Tromsø", response.Result.City);
    }
}
