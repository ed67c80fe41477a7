using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Foundry.Generated.Consumer.Tests.EndToEnd;
using Microsoft.Extensions.AI;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.ExtensionsAI;

/// <summary>
/// The generated Microsoft.Extensions.AI adapters through the emulator: the same conversation on every route gives
/// text, usage, finish reasons and tool calls, and IChatClient middleware (function invocation) runs on them.
/// </summary>
public sealed class ChatClientTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Prompt = "Tell me a 7 word story";

    public static TheoryData<string> Routes => new() { "responses", "chat", "anthropic", "gemini", "xai-responses" };

    internal static IChatClient ChatClient(FoundryLlmClient client, string route) => route switch
    {
        "responses" => client.OpenAiResponses.AsIChatClient(ResponsesModel.Gpt5Mini),
        "chat" => client.OpenAiChatCompletions.AsIChatClient(ChatCompletionsModel.Gpt4_1),
        "anthropic" => client.AnthropicMessages.AsIChatClient(AnthropicMessagesModel.ClaudeSonnet4_5),
        "gemini" => client.GoogleGenerateContent.AsIChatClient(GeminiModel.Gemini3Flash),
        "xai-responses" => client.XaiResponses.AsIChatClient(XaiResponsesModel.Grok4_3),
        _ => throw new ArgumentOutOfRangeException(nameof(route)),
    };

    /// <summary>Sends a system and a user message with the options and returns the JSON body the emulator received.</summary>
    private async Task<JsonElement> WireBody(IChatClient chat, ChatOptions options)
    {
        var before = fixture.Emulator.Requests.Count;
        await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, Prompt)], options);
        using var body = JsonDocument.Parse(fixture.Emulator.Requests.Skip(before).Single().Body!);
        return body.RootElement.Clone();
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Streaming_gives_the_text_usage_and_a_stop_reason(string route)
    {
        using var client = new FoundryLlmClient(fixture.Options());
        using var chat = ChatClient(client, route);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync(Prompt))
        {
            updates.Add(update);
        }

        var text = string.Concat(updates.Select(u => u.Text));
        Assert.Equal(7, text.Split(' ').Length);
        Assert.True(updates.Count(u => u.Text.Length > 0) >= 7, "the text arrives word by word, not at the end");
        Assert.Equal(ChatFinishReason.Stop, updates.Last(u => u.FinishReason != null).FinishReason);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single().Details;
        Assert.True(usage.InputTokenCount > 0 && usage.OutputTokenCount > 0, $"usage {usage.InputTokenCount}/{usage.OutputTokenCount}");
        Assert.All(updates, u => Assert.Equal(ChatRole.Assistant, u.Role));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task GetResponseAsync_aggregates_the_same_text(string route)
    {
        using var client = new FoundryLlmClient(fixture.Options());
        using var chat = ChatClient(client, route);

        var streamed = new StringBuilder();
        await foreach (var update in chat.GetStreamingResponseAsync(Prompt))
        {
            streamed.Append(update.Text);
        }

        var response = await chat.GetResponseAsync(Prompt);

        Assert.Equal(streamed.ToString(), response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.NotNull(response.Usage);
        Assert.Single(response.Messages);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_tool_call_is_assembled_from_its_streamed_arguments(string route)
    {
        using var client = new FoundryLlmClient(fixture.Options());
        using var chat = ChatClient(client, route);
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((string query) => query, "lookup", "Looks things up")] };

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("What is the weather in Paris?", options))
        {
            updates.Add(update);
        }

        var call = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().Single();
        Assert.Equal("lookup", call.Name);
        Assert.False(string.IsNullOrEmpty(call.CallId));
        Assert.Null(call.Exception);
        Assert.Equal("What is the weather in Paris?", ((JsonElement)call.Arguments!["query"]!).GetString());
        Assert.Equal(ChatFinishReason.ToolCalls, updates.Last(u => u.FinishReason != null).FinishReason);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_tool_call_carries_arguments_that_fit_the_declared_parameters(string route)
    {
        using var client = new FoundryLlmClient(fixture.Options());
        using var chat = ChatClient(client, route);
        using var schema = JsonDocument.Parse("""
            {"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer"},"unit":{"enum":["c","f"]}},"required":["city","days"]}
            """);
        var forecast = AIFunctionFactory.CreateDeclaration("forecast", "The weather for some days", schema.RootElement.Clone());

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("What is the weather in Paris?", new ChatOptions { Tools = [forecast] }))
        {
            updates.Add(update);
        }

        var call = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().Single();
        Assert.Equal("forecast", call.Name);
        var arguments = call.Arguments!.ToDictionary(a => a.Key, a => (JsonElement)a.Value!);
        Assert.Equal(["city", "days", "unit"], arguments.Keys.Order());
        Assert.Equal(JsonValueKind.String, arguments["city"].ValueKind);
        Assert.False(string.IsNullOrEmpty(arguments["city"].GetString()));
        Assert.True(arguments["days"].TryGetInt32(out _), $"days is {arguments["days"].GetRawText()}, not an integer");
        Assert.Equal("c", arguments["unit"].GetString());
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Function_invocation_middleware_runs_the_tool_and_sends_its_result_back(string route)
    {
        using var client = new FoundryLlmClient(fixture.Options());
        var calls = 0;
        var lookup = AIFunctionFactory.Create((string query) => { calls++; return $"sunny-in-{query.Split(' ').Last().TrimEnd('?')}"; }, "lookup");
        using var chat = new ChatClientBuilder(ChatClient(client, route)).UseFunctionInvocation().Build();

        var response = await chat.GetResponseAsync("What is the weather in Paris?", new ChatOptions { Tools = [lookup] });

        Assert.Equal(1, calls);
        Assert.Contains("The tool said: sunny-in-Paris", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        // The history holds the assistant's call, the tool's result and the final answer.
        Assert.Contains(response.Messages, m => m.Contents.OfType<FunctionCallContent>().Any());
        Assert.Contains(response.Messages, m => m.Contents.OfType<FunctionResultContent>().Any());
    }

    [Fact]
    public async Task Options_reach_the_wire_on_the_responses_route()
    {
        using var client = new FoundryLlmClient(fixture.Options());
        using var chat = client.OpenAiResponses.AsIChatClient(ResponsesModel.Gpt5Mini);
        var root = await WireBody(chat, new ChatOptions
        {
            ModelId = "gpt-5.2",
            MaxOutputTokens = 50,
            Instructions = "Answer in English.",
            Reasoning = new ReasoningOptions { Effort = ReasoningEffort.Low, Output = ReasoningOutput.Summary },
            ResponseFormat = ChatResponseFormat.Json,
        });

        Assert.Equal("ri.language-model-service..language-model.gpt-5-2", root.GetProperty("model").GetString());
        Assert.Equal(50, root.GetProperty("max_output_tokens").GetInt32());
        Assert.Equal("Answer in English.", root.GetProperty("instructions").GetString());
        Assert.Equal("low", root.GetProperty("reasoning").GetProperty("effort").GetString());
        Assert.Equal("auto", root.GetProperty("reasoning").GetProperty("summary").GetString());
        Assert.Equal("json_object", root.GetProperty("text").GetProperty("format").GetProperty("type").GetString());
        var input = root.GetProperty("input");
        Assert.Equal("system", input[0].GetProperty("role").GetString());
        Assert.Equal("Be brief.", input[0].GetProperty("content").GetString());
        Assert.Equal("user", input[1].GetProperty("role").GetString());
        Assert.True(root.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task Anthropic_gets_a_system_prompt_a_thinking_budget_inside_max_tokens_and_an_object_input_schema()
    {
        using var client = new FoundryLlmClient(fixture.Options());
        using var chat = client.AnthropicMessages.AsIChatClient(AnthropicMessagesModel.ClaudeSonnet4_5);
        var root = await WireBody(chat, new ChatOptions
        {
            MaxOutputTokens = 1000,
            Reasoning = new ReasoningOptions { Effort = ReasoningEffort.Low },
            Tools = [AIFunctionFactory.Create((string city, int days) => city, "forecast")],
            ToolMode = ChatToolMode.None,
        });

        Assert.Equal("Be brief.", root.GetProperty("system").GetString());
        Assert.Equal(1024, root.GetProperty("thinking").GetProperty("budget_tokens").GetInt32());
        Assert.True(root.GetProperty("max_tokens").GetInt32() > 1024, "max_tokens must leave room beyond the thinking budget");
        var schema = root.GetProperty("tools")[0].GetProperty("input_schema");
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.True(schema.GetProperty("properties").TryGetProperty("days", out _));
        Assert.Equal("city,days", string.Join(",", schema.GetProperty("required").EnumerateArray().Select(e => e.GetString())));
        Assert.Equal("none", root.GetProperty("tool_choice").GetProperty("type").GetString());
        Assert.Equal("user", root.GetProperty("messages")[0].GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("responses")]
    [InlineData("chat")]
    [InlineData("anthropic")]
    [InlineData("gemini")]
    public async Task An_image_goes_on_the_wire_next_to_the_text_in_each_providers_shape(string route)
    {
        using var client = new FoundryLlmClient(fixture.Options());
        using var chat = ChatClient(client, route);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var before = fixture.Emulator.Requests.Count;

        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, [new TextContent("Tell me a 4 word story about"), new DataContent(png, "image/png")])]);

        Assert.Equal(4, response.Text.Split(' ').Length);
        using var body = JsonDocument.Parse(fixture.Emulator.Requests.Skip(before).Single().Body!);
        var root = body.RootElement;
        var base64 = Convert.ToBase64String(png);
        switch (route)
        {
            case "responses":
                var parts = root.GetProperty("input")[0].GetProperty("content");
                Assert.Equal("input_text", parts[0].GetProperty("type").GetString());
                Assert.Equal("input_image", parts[1].GetProperty("type").GetString());
                Assert.Equal("data:image/png;base64," + base64, parts[1].GetProperty("image_url").GetString());
                break;
            case "chat":
                var content = root.GetProperty("messages")[0].GetProperty("content");
                Assert.Equal("text", content[0].GetProperty("type").GetString());
                Assert.Equal("data:image/png;base64," + base64, content[1].GetProperty("image_url").GetProperty("url").GetString());
                break;
            case "anthropic":
                var source = root.GetProperty("messages")[0].GetProperty("content")[1].GetProperty("source");
                Assert.Equal("base64", source.GetProperty("type").GetString());
                Assert.Equal("image/png", source.GetProperty("media_type").GetString());
                Assert.Equal(base64, source.GetProperty("data").GetString());
                break;
            case "gemini":
                var blob = root.GetProperty("contents")[0].GetProperty("parts")[1].GetProperty("inlineData");
                Assert.Equal("image/png", blob.GetProperty("mimeType").GetString());
                Assert.Equal(base64, blob.GetProperty("data").GetString());
                break;
        }
    }

    [Fact]
    public async Task Content_an_adapter_cannot_send_is_refused_by_name_before_any_request()
    {
        using var client = new FoundryLlmClient(fixture.Options());
        using var chat = client.OpenAiResponses.AsIChatClient(ResponsesModel.Gpt5Mini);
        var before = fixture.Emulator.Requests.Count;

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => chat.GetResponseAsync([new ChatMessage(ChatRole.User, [new DataContent(new byte[] { 1, 2 }, "audio/wav")])]));

        Assert.Contains("DataContent content of type audio/wav", error.Message);
        Assert.Equal(before, fixture.Emulator.Requests.Count);
    }

    [Fact]
    public void An_unknown_model_id_in_the_options_is_refused_with_a_suggestion()
    {
        using var client = new FoundryLlmClient(fixture.Options());
        using var chat = client.OpenAiResponses.AsIChatClient(ResponsesModel.Gpt5Mini);

        var error = Assert.ThrowsAny<Exception>(() => chat.GetStreamingResponseAsync(Prompt, new ChatOptions { ModelId = "gpt-5-mini-2025-08-07" }).GetAsyncEnumerator().MoveNextAsync().AsTask().GetAwaiter().GetResult());

        Assert.Contains("gpt-5-mini", error.Message);
        Assert.Equal(0, fixture.Emulator.Requests.Count(r => r.Model == "gpt-5-mini-2025-08-07"));
    }

    [Fact]
    public void The_adapter_describes_itself_and_exposes_the_generated_client()
    {
        using var client = new FoundryLlmClient(fixture.Options());
        using var chat = client.OpenAiResponses.AsIChatClient(ResponsesModel.Gpt5Mini);

        var metadata = chat.GetService<ChatClientMetadata>()!;
        Assert.Equal("palantir-foundry", metadata.ProviderName);
        Assert.Equal("gpt-5-mini", metadata.DefaultModelId);
        Assert.Same(client.OpenAiResponses, chat.GetService<OpenAiResponsesClient>());
    }
}
