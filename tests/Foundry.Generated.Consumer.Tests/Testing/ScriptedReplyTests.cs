using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Foundry.Generated.Testing;
using Microsoft.Extensions.AI;
using Xunit;
using Anthropic = Foundry.Generated.Anthropic;
using Gemini = Foundry.Generated.Gemini;

namespace Foundry.Generated.Consumer.Tests.Testing;

/// <summary>Scripted replies, in each route's own shapes, read back through the generated clients and the adapters.</summary>
public sealed class ScriptedReplyTests
{
    private static readonly JsonElement CitySchema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""").RootElement.Clone();

    [Fact]
    public async Task Scripted_text_arrives_in_the_chunks_it_was_scripted_in_on_responses()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Text("Hello", ", ", "world").WithUsage(7, 3), FoundryRoutes.OpenAiResponses, "gpt-5-mini");
        using var client = foundry.CreateClient();

        var deltas = new List<string>();
        ResponseCompletedEvent? completed = null;
        await foreach (var e in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" }))
        {
            switch (e)
            {
                case ResponseTextDeltaEvent d: deltas.Add(d.Delta); break;
                case ResponseCompletedEvent c: completed = c; break;
            }
        }

        Assert.Equal(new[] { "Hello", ", ", "world" }, deltas);
        Assert.Equal(3, completed!.Response.Usage!.OutputTokens);
        Assert.True(foundry.LastRequest.Scripted);
        foundry.VerifyAllRepliesUsed();
    }

    [Theory]
    [InlineData("responses")]
    [InlineData("chat")]
    [InlineData("anthropic")]
    [InlineData("gemini")]
    public async Task A_scripted_text_reply_reads_the_same_through_every_route_s_chat_client(string route)
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Text("Bonjour", " Paris"));
        using var client = foundry.CreateClient();

        var updates = new StringBuilder();
        await foreach (var update in ChatClient(client, route).GetStreamingResponseAsync("hi"))
        {
            updates.Append(update.Text);
        }

        Assert.Equal("Bonjour Paris", updates.ToString());
    }

    [Theory]
    [InlineData("responses")]
    [InlineData("chat")]
    [InlineData("anthropic")]
    [InlineData("gemini")]
    public async Task Parallel_tool_calls_arrive_whole_with_their_arguments(string route)
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.ToolCall("weather", """{"city":"Paris"}""", "call_a").AndToolCall("weather", """{"city":"Oslo"}""", "call_b"));
        using var client = foundry.CreateClient();
        var tool = AIFunctionFactory.Create((string city) => "sunny", "weather");

        var response = await ChatClient(client, route).GetResponseAsync("Weather in Paris and Oslo?", new ChatOptions { Tools = [tool] });

        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal(new[] { "Paris", "Oslo" }, calls.Select(c => c.Arguments!["city"]!.ToString()));
        Assert.All(calls, c => Assert.Equal("weather", c.Name));
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Fact]
    public async Task A_tool_round_trip_takes_the_queued_replies_in_order()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.ToolCall("weather", """{"city":"Paris"}"""))
               .Enqueue(FoundryReply.Text("It is sunny in Paris."));
        using var client = foundry.CreateClient();
        var chat = new ChatClientBuilder(client.OpenAiResponses.AsIChatClient(ResponsesModel.Gpt5Mini)).UseFunctionInvocation().Build();
        var tool = AIFunctionFactory.Create((string city) => $"sunny in {city}", "weather");

        var response = await chat.GetResponseAsync("Weather in Paris?", new ChatOptions { Tools = [tool] });

        Assert.Equal("It is sunny in Paris.", response.Text);
        Assert.Equal(2, foundry.Requests.Count);
        Assert.Contains("sunny in Paris", foundry.Requests[1].BodyText);
        foundry.VerifyAllRepliesUsed();
    }

    [Fact]
    public async Task A_chat_refusal_is_the_message_s_refusal()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Refusal("I can't help with that."));
        using var client = foundry.CreateClient();

        var response = await client.OpenAiChatCompletions.CreateAsync(new CreateChatCompletionRequest { Model = ChatCompletionsModel.Gpt4_1, Messages = [new ChatCompletionRequestUserMessage { Content = "hi" }] });

        Assert.Equal("I can't help with that.", response.Choices[0].Message.Refusal);
    }

    [Fact]
    public async Task A_length_finish_on_anthropic_is_max_tokens()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Text("cut sho").WithFinishReason(FoundryFinishReason.Length));
        using var client = foundry.CreateClient();

        string? stop = null;
        await foreach (var e in client.AnthropicMessages.StreamAsync(AnthropicRequest()))
        {
            if (e is Anthropic.MessageDeltaEvent d)
            {
                stop = d.Delta.StopReason?.Value;
            }
        }

        Assert.Equal("max_tokens", stop);
    }

    [Fact]
    public async Task Replies_are_matched_by_route_and_model()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Text("for claude"), FoundryRoutes.AnthropicMessages, "claude-haiku-4.5");
        foundry.Enqueue(FoundryReply.Text("for gemini"), FoundryRoutes.GoogleGenerateContent);
        using var client = foundry.CreateClient();

        var gemini = await client.GoogleGenerateContent.CreateAsync(GeminiModel.Gemini3Flash, new Gemini.GenerateContentRequest { Contents = [new Gemini.Content { Role = "user", Parts = [new Gemini.Part { Text = "hi" }] }] });
        var claude = await client.AnthropicMessages.CreateAsync(AnthropicRequest() with { Stream = null });

        Assert.Equal("for gemini", gemini.Candidates![0].Content!.Parts![0].Text);
        Assert.Equal("for claude", Assert.IsType<Anthropic.ResponseTextBlock>(Assert.Single(claude.Content)).Text);
    }

    [Fact]
    public void A_route_that_does_not_exist_is_refused_when_scripted()
    {
        var foundry = new FakeFoundry();

        var error = Assert.Throws<ArgumentException>(() => foundry.Enqueue(FoundryReply.Text("x"), "openai-respones"));

        Assert.Contains("openai-responses", error.Message);
    }

    [Fact]
    public void A_model_the_catalog_does_not_know_is_refused_when_scripted_with_a_suggestion()
    {
        var foundry = new FakeFoundry();

        var error = Assert.Throws<ArgumentException>(() => foundry.Enqueue(FoundryReply.Text("x"), FoundryRoutes.AnthropicMessages, "claude-haiku-4-5"));

        Assert.Contains("did you mean claude-haiku-4.5", error.Message);
    }

    [Fact]
    public async Task With_required_scripts_an_unscripted_request_fails_naming_what_was_scripted()
    {
        var foundry = new FakeFoundry(new FakeFoundryOptions { RequireScriptedReplies = true });
        foundry.Enqueue(FoundryReply.Text("x"), FoundryRoutes.AnthropicMessages);
        using var client = foundry.CreateClient(o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" }));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("no scripted reply for openai-responses", error.Message);
        Assert.Contains("differs: route anthropic-messages, not openai-responses", error.Message);
    }

    [Fact]
    public void A_reply_never_requested_fails_verification_with_the_reply_and_the_requests()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.ToolCall("weather", """{"city":"Paris"}"""));

        var error = Assert.Throws<FakeFoundryException>(foundry.VerifyAllRepliesUsed);

        Assert.Contains("tool call weather({\"city\":\"Paris\"})", error.Message);
        Assert.Contains("Requests received: none", error.Message);
    }

    [Fact]
    public void Tool_arguments_that_are_not_a_json_object_are_refused_when_scripted()
    {
        var error = Assert.Throws<ArgumentException>(() => FoundryReply.ToolCall("weather", "{city: Paris}"));

        Assert.Contains("weather", error.Message);
    }

    internal static Anthropic.CreateMessageParams AnthropicRequest() => new()
    {
        Model = AnthropicMessagesModel.ClaudeHaiku4_5,
        MaxTokens = 100,
        Stream = true,
        Messages = [new Anthropic.InputMessage { Role = Anthropic.InputMessageRole.User, Content = "hi" }],
    };

    private static IChatClient ChatClient(FoundryLlmClient client, string route) => route switch
    {
        "chat" => client.OpenAiChatCompletions.AsIChatClient(ChatCompletionsModel.Gpt4_1),
        "anthropic" => client.AnthropicMessages.AsIChatClient(AnthropicMessagesModel.ClaudeHaiku4_5),
        "gemini" => client.GoogleGenerateContent.AsIChatClient(GeminiModel.Gemini3Flash),
        _ => client.OpenAiResponses.AsIChatClient(ResponsesModel.Gpt5Mini),
    };
}
