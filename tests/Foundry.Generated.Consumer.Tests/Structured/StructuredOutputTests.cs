using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Testing;
using Xunit;
using Anthropic = Foundry.Generated.Anthropic;
using Gemini = Foundry.Generated.Gemini;

namespace Foundry.Generated.Consumer.Tests.Structured;

/// <summary>Structured output through the generated clients against the fake Foundry: the format each route sends, the
/// parsed value, the typed failures, and the stream.</summary>
public sealed class StructuredOutputTests
{
    [Fact]
    public async Task Responses_sends_text_format_json_schema_and_returns_the_parsed_value_with_the_response()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();

        var result = await client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Paris" }, StructuredJson.Default.Forecast);

        // The emulator answers with JSON that fits the schema it received: every required property, the enum's value.
        Assert.Equal("Paris", result.Value.City);
        Assert.Equal(1, result.Value.HighCelsius);
        Assert.Equal(Sky.Clear, result.Value.Sky);
        Assert.Single(result.Value.Days);
        Assert.Equal("completed", result.Response.Status?.ToString());
        Assert.Equal(result.Text, JsonSerializer.Serialize(JsonDocument.Parse(result.Text).RootElement));
        using var sent = JsonDocument.Parse(foundry.LastRequest.BodyText);
        var format = sent.RootElement.GetProperty("text").GetProperty("format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("Forecast", format.GetProperty("name").GetString());
        Assert.True(format.GetProperty("strict").GetBoolean());
        Assert.False(format.GetProperty("schema").GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public async Task Chat_completions_sends_response_format_json_schema()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();
        var request = new CreateChatCompletionRequest { Model = ChatCompletionsModel.Gpt4_1, Messages = [new ChatCompletionRequestUserMessage { Content = "Oslo" }] };

        var result = await client.OpenAiChatCompletions.CreateAsync(request, StructuredJson.Default.Forecast);

        Assert.Equal("Oslo", result.Value.City);
        using var sent = JsonDocument.Parse(foundry.LastRequest.BodyText);
        var format = sent.RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("Forecast", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
    }

    [Fact]
    public async Task Anthropic_sends_output_config_format_and_keeps_the_effort_the_request_set()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();
        var request = new Anthropic.CreateMessageParams
        {
            Model = AnthropicMessagesModel.ClaudeHaiku4_5,
            MaxTokens = 1024,
            Messages = [new Anthropic.InputMessage { Role = Anthropic.InputMessageRole.User, Content = "Rome" }],
            OutputConfig = new Anthropic.OutputConfig { Effort = Anthropic.EffortLevel.Low },
        };

        var result = await client.AnthropicMessages.CreateAsync(request, StructuredJson.Default.Forecast);

        Assert.Equal("Rome", result.Value.City);
        using var sent = JsonDocument.Parse(foundry.LastRequest.BodyText);
        var config = sent.RootElement.GetProperty("output_config");
        Assert.Equal("low", config.GetProperty("effort").GetString());
        Assert.Equal("json_schema", config.GetProperty("format").GetProperty("type").GetString());
        Assert.Equal("object", config.GetProperty("format").GetProperty("schema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Gemini_sends_response_json_schema_with_the_json_mime_type()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();
        var request = new Gemini.GenerateContentRequest { Contents = [new Gemini.Content { Role = "user", Parts = [new Gemini.Part { Text = "Lima" }] }] };

        var result = await client.GoogleGenerateContent.CreateAsync(GeminiModel.Gemini3Flash, request, StructuredJson.Default.Forecast);

        Assert.Equal("Lima", result.Value.City);
        using var sent = JsonDocument.Parse(foundry.LastRequest.BodyText);
        var config = sent.RootElement.GetProperty("generationConfig");
        Assert.Equal("application/json", config.GetProperty("responseMimeType").GetString());
        Assert.Equal("object", config.GetProperty("responseJsonSchema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Xai_responses_sends_the_openai_format()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();

        var responses = await client.XaiResponses.CreateAsync(new Xai.CreateResponse { Model = XaiResponsesModel.Grok4_3, Input = "Kyiv" }, StructuredJson.Default.Forecast);
        Assert.Equal("Kyiv", responses.Value.City);
        Assert.Contains("\"json_schema\"", foundry.LastRequest.BodyText);
    }

    [Theory]
    [InlineData("responses")]
    [InlineData("chat")]
    [InlineData("anthropic")]
    [InlineData("gemini")]
    public async Task A_refusal_raises_the_typed_exception_with_the_refusal_never_a_default(string route)
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Refusal("I can't help with that."));
        using var client = foundry.CreateClient();

        var e = await Assert.ThrowsAsync<FoundryStructuredOutputException>(() => CreateAsync(client, route));

        Assert.Equal(FoundryStructuredOutputFailure.Refused, e.Failure);
        Assert.IsAssignableFrom<FoundryException>(e);
    }

    [Theory]
    [InlineData("responses")]
    [InlineData("chat")]
    [InlineData("anthropic")]
    [InlineData("gemini")]
    public async Task A_cut_off_answer_raises_incomplete_keeping_the_text(string route)
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Text("{\"city\":\"Par").WithFinishReason(FoundryFinishReason.Length));
        using var client = foundry.CreateClient();

        var e = await Assert.ThrowsAsync<FoundryStructuredOutputException>(() => CreateAsync(client, route));

        Assert.Equal(FoundryStructuredOutputFailure.Incomplete, e.Failure);
        Assert.Equal("{\"city\":\"Par", e.RawText);
        Assert.NotNull(e.FinishReason);
    }

    [Theory]
    [InlineData("responses", "not json at all")]
    [InlineData("chat", "{\"city\": 3}")]
    [InlineData("anthropic", "null")]
    [InlineData("gemini", "[1, 2]")]
    public async Task Text_that_does_not_parse_as_the_type_raises_unparsable_keeping_the_text(string route, string text)
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Text(text));
        using var client = foundry.CreateClient();

        var e = await Assert.ThrowsAsync<FoundryStructuredOutputException>(() => CreateAsync(client, route));

        Assert.Equal(FoundryStructuredOutputFailure.Unparsable, e.Failure);
        Assert.Equal(text, e.RawText);
        Assert.Contains("Forecast", e.Message);
    }

    [Fact]
    public async Task A_refused_schema_fails_before_any_request_naming_the_member()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }, StructuredJson.Default.WithDictionary));

        Assert.Contains("WithDictionary.counts", e.Message);
        Assert.Empty(foundry.Requests);
    }

    [Fact]
    public async Task A_request_that_sets_the_format_itself_is_refused_before_any_request()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();
        var request = new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x", Text = new ResponseTextParam { Format = new ResponseFormatJsonObject() } };

        var e = await Assert.ThrowsAsync<ArgumentException>(() => client.OpenAiResponses.CreateAsync(request, StructuredJson.Default.Forecast));

        Assert.Contains("text.format", e.Message);
        Assert.Empty(foundry.Requests);
    }

    [Theory]
    [InlineData("responses")]
    [InlineData("chat")]
    [InlineData("anthropic")]
    [InlineData("gemini")]
    public async Task Streaming_gives_the_json_text_as_it_arrives_and_the_parsed_value_at_the_end(string route)
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();
        var text = new StringBuilder();
        var pieces = 0;

        object result = route switch
        {
            "responses" => await StreamResponsesAsync(client, text, () => pieces++),
            "chat" => await StreamChatAsync(client, text, () => pieces++),
            "anthropic" => await StreamAnthropicAsync(client, text, () => pieces++),
            _ => await StreamGeminiAsync(client, text, () => pieces++),
        };

        var forecast = Assert.IsType<Forecast>(result);
        Assert.Equal("Nice", forecast.City);
        Assert.True(pieces > 1, "the JSON arrived in one piece");
        Assert.Equal(text.ToString(), JsonSerializer.Serialize(forecast, StructuredJson.Default.Forecast));
        Assert.True(foundry.LastRequest.Stream);
    }

    [Fact]
    public async Task A_stream_cut_off_by_the_token_limit_raises_incomplete_after_every_event_was_delivered()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Text("{\"city\":", "\"Ni").WithFinishReason(FoundryFinishReason.Length));
        using var client = foundry.CreateClient();
        var accumulator = new FoundryStructuredAccumulator<Forecast, Response>(StructuredJson.Default.Forecast);
        var text = new StringBuilder();

        await foreach (var e in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Nice" }, accumulator))
        {
            if (e is ResponseTextDeltaEvent delta)
            {
                text.Append(delta.Delta);
            }
        }

        Assert.Equal("{\"city\":\"Ni", text.ToString());
        var failure = Assert.Throws<FoundryStructuredOutputException>(() => accumulator.ToResult());
        Assert.Equal(FoundryStructuredOutputFailure.Incomplete, failure.Failure);
        Assert.Equal("{\"city\":\"Ni", failure.RawText);
    }

    [Theory]
    [InlineData("openai/v1/responses", """{"model":"gpt-5-mini","input":"x","text":{"format":{"type":"json_schema","schema":{"type":"object"}}}}""", "name")]
    [InlineData("openai/v1/responses", """{"model":"gpt-5-mini","input":"x","text":{"format":{"type":"json_schema","name":"F","strict":true,"schema":{"type":"object","properties":{"a":{"type":"string"}}}}}}""", "additionalProperties")]
    [InlineData("openai/v1/chat/completions", """{"model":"gpt-4.1","messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema"}}""", "json_schema")]
    [InlineData("anthropic/v1/messages", """{"model":"claude-haiku-4.5","max_tokens":10,"messages":[{"role":"user","content":"x"}],"output_config":{"format":{"type":"json_schema"}}}""", "schema")]
    [InlineData("google/v1/models/gemini-3-flash:generateContent", """{"contents":[{"role":"user","parts":[{"text":"x"}]}],"generationConfig":{"responseJsonSchema":{"type":"object"}}}""", "response_mime_type")]
    public async Task The_fake_refuses_a_malformed_format_with_the_proxy_s_400(string path, string body, string named)
    {
        var foundry = new FakeFoundry(new FakeFoundryOptions { ValidateRequests = false });
        using var http = foundry.CreateHttpClient();
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, new Uri(FakeFoundry.InMemoryBaseUrl, "api/v2/llm/proxy/" + path))
        {
            Content = new System.Net.Http.StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", foundry.Token);

        using var response = await http.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("INVALID_ARGUMENT", error.RootElement.GetProperty("errorCode").GetString());
        Assert.Contains(named, error.RootElement.GetProperty("parameters").GetProperty("message").GetString());
    }

    private static async Task<Forecast> CreateAsync(FoundryLlmClient client, string route) => route switch
    {
        "responses" => (await client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }, StructuredJson.Default.Forecast)).Value,
        "chat" => (await client.OpenAiChatCompletions.CreateAsync(new CreateChatCompletionRequest { Model = ChatCompletionsModel.Gpt4_1, Messages = [new ChatCompletionRequestUserMessage { Content = "x" }] }, StructuredJson.Default.Forecast)).Value,
        "anthropic" => (await client.AnthropicMessages.CreateAsync(new Anthropic.CreateMessageParams { Model = AnthropicMessagesModel.ClaudeHaiku4_5, MaxTokens = 100, Messages = [new Anthropic.InputMessage { Role = Anthropic.InputMessageRole.User, Content = "x" }] }, StructuredJson.Default.Forecast)).Value,
        _ => (await client.GoogleGenerateContent.CreateAsync(GeminiModel.Gemini3Flash, new Gemini.GenerateContentRequest { Contents = [new Gemini.Content { Role = "user", Parts = [new Gemini.Part { Text = "x" }] }] }, StructuredJson.Default.Forecast)).Value,
    };

    private static async Task<Forecast> StreamResponsesAsync(FoundryLlmClient client, StringBuilder text, Action piece)
    {
        var accumulator = new FoundryStructuredAccumulator<Forecast, Response>(StructuredJson.Default.Forecast);
        await foreach (var e in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Nice" }, accumulator))
        {
            if (e is ResponseTextDeltaEvent delta)
            {
                text.Append(delta.Delta);
                piece();
            }
        }

        return accumulator.ToResult().Value;
    }

    private static async Task<Forecast> StreamChatAsync(FoundryLlmClient client, StringBuilder text, Action piece)
    {
        var accumulator = new FoundryStructuredAccumulator<Forecast, CreateChatCompletionResponse>(StructuredJson.Default.Forecast);
        await foreach (var chunk in client.OpenAiChatCompletions.StreamAsync(new CreateChatCompletionRequest { Model = ChatCompletionsModel.Gpt4_1, Messages = [new ChatCompletionRequestUserMessage { Content = "Nice" }] }, accumulator))
        {
            foreach (var choice in chunk.Choices ?? [])
            {
                if (choice.Delta.Content is { Length: > 0 } content)
                {
                    text.Append(content);
                    piece();
                }
            }
        }

        return accumulator.ToResult().Value;
    }

    private static async Task<Forecast> StreamAnthropicAsync(FoundryLlmClient client, StringBuilder text, Action piece)
    {
        var accumulator = new FoundryStructuredAccumulator<Forecast, Anthropic.Message>(StructuredJson.Default.Forecast);
        var request = new Anthropic.CreateMessageParams { Model = AnthropicMessagesModel.ClaudeHaiku4_5, MaxTokens = 1000, Messages = [new Anthropic.InputMessage { Role = Anthropic.InputMessageRole.User, Content = "Nice" }] };
        await foreach (var e in client.AnthropicMessages.StreamAsync(request, accumulator))
        {
            if (e is Anthropic.ContentBlockDeltaEvent { Delta: Anthropic.TextContentBlockDelta delta })
            {
                text.Append(delta.Text);
                piece();
            }
        }

        return accumulator.ToResult().Value;
    }

    private static async Task<Forecast> StreamGeminiAsync(FoundryLlmClient client, StringBuilder text, Action piece)
    {
        var accumulator = new FoundryStructuredAccumulator<Forecast, Gemini.GenerateContentResponse>(StructuredJson.Default.Forecast);
        var request = new Gemini.GenerateContentRequest { Contents = [new Gemini.Content { Role = "user", Parts = [new Gemini.Part { Text = "Nice" }] }] };
        await foreach (var chunk in client.GoogleGenerateContent.StreamAsync(GeminiModel.Gemini3Flash, request, accumulator))
        {
            foreach (var candidate in chunk.Candidates ?? [])
            {
                foreach (var part in candidate.Content?.Parts ?? [])
                {
                    if (part.Text is { Length: > 0 } t)
                    {
                        text.Append(t);
                        piece();
                    }
                }
            }
        }

        return accumulator.ToResult().Value;
    }
}
