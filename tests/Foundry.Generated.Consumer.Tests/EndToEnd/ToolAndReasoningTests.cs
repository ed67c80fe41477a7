using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Testing;
using Xunit;
using Anthropic = Foundry.Generated.Anthropic;
using Gemini = Foundry.Generated.Gemini;

namespace Foundry.Generated.Consumer.Tests.EndToEnd;

/// <summary>Tool calls (arguments streamed in pieces) and reasoning output on each route, through the emulator's engine
/// in memory (Foundry.Generated.Testing: the same replies as over a socket, without a port).</summary>
public sealed class ToolAndReasoningTests
{
    private const string Prompt = "What is the weather in Paris?";
    private const string ExpectedArguments = "{\"query\":\"What is the weather in Paris?\"}";

    // The tool each test declares: the emulator's call fills its one string parameter with the prompt.
    private static readonly JsonElement QuerySchema = JsonDocument.Parse("""{"type":"object","properties":{"query":{"type":"string"}},"required":["query"]}""").RootElement.Clone();

    [Fact]
    public async Task Responses_streams_a_reasoning_summary_then_a_function_call()
    {
        using var client = new FakeFoundry().CreateClient();
        var request = new CreateResponse
        {
            Model = ResponsesModel.Gpt5Mini,
            Input = Prompt,
            Tools = [new FunctionTool { Name = "lookup", Parameters = QuerySchema, Strict = null }],
            Reasoning = new Reasoning { Summary = ReasoningSummary.Auto },
        };

        var summary = new StringBuilder();
        var arguments = new StringBuilder();
        ResponseFunctionCallArgumentsDoneEvent? done = null;
        await foreach (var e in client.OpenAiResponses.StreamAsync(request))
        {
            switch (e)
            {
                case ResponseReasoningSummaryTextDeltaEvent r: summary.Append(r.Delta); break;
                case ResponseFunctionCallArgumentsDeltaEvent a: arguments.Append(a.Delta); break;
                case ResponseFunctionCallArgumentsDoneEvent d: done = d; break;
            }
        }

        Assert.StartsWith("**Planning the answer**", summary.ToString());
        Assert.Equal(ExpectedArguments, arguments.ToString());
        Assert.Equal("lookup", done!.Name);
        Assert.Equal(ExpectedArguments, done.Arguments);
    }

    [Fact]
    public async Task Chat_completions_accumulates_tool_call_arguments_by_index()
    {
        using var client = new FakeFoundry().CreateClient();
        var request = new CreateChatCompletionRequest
        {
            Model = ChatCompletionsModel.Gpt4_1,
            Messages = [new ChatCompletionRequestUserMessage { Content = Prompt }],
            Tools = [new ChatCompletionTool { Function = new FunctionObject { Name = "lookup", Parameters = QuerySchema } }],
        };

        string? name = null;
        var arguments = new StringBuilder();
        string? finish = null;
        await foreach (var chunk in client.OpenAiChatCompletions.StreamAsync(request))
        {
            foreach (var choice in chunk.Choices ?? [])
            {
                foreach (var call in choice.Delta.ToolCalls ?? [])
                {
                    Assert.Equal(0, call.Index);
                    name ??= call.Function?.Name;
                    arguments.Append(call.Function?.Arguments);
                }

                finish = choice.FinishReason?.Value ?? finish;
            }
        }

        Assert.Equal("lookup", name);
        Assert.Equal(ExpectedArguments, arguments.ToString());
        Assert.Equal("tool_calls", finish);
    }

    [Fact]
    public async Task Anthropic_streams_thinking_then_tool_use_input_json()
    {
        using var client = new FakeFoundry().CreateClient();
        var request = new Anthropic.CreateMessageParams
        {
            Model = AnthropicMessagesModel.ClaudeSonnet4_5,
            MaxTokens = 2048,
            Thinking = new Anthropic.ThinkingConfigEnabled { BudgetTokens = 1024 },
            Tools = [new Anthropic.Tool { Name = "lookup", InputSchema = new Anthropic.InputSchema { Properties = QuerySchema.GetProperty("properties"), Required = ["query"] } }],
            Messages = [new Anthropic.InputMessage { Role = Anthropic.InputMessageRole.User, Content = Prompt }],
        };

        var thinking = new StringBuilder();
        var json = new StringBuilder();
        string? stopReason = null;
        await foreach (var e in client.AnthropicMessages.StreamAsync(request))
        {
            switch (e)
            {
                case Anthropic.ContentBlockDeltaEvent { Delta: Anthropic.ThinkingContentBlockDelta t }: thinking.Append(t.Thinking); break;
                case Anthropic.ContentBlockDeltaEvent { Delta: Anthropic.InputJsonContentBlockDelta j }: json.Append(j.PartialJson); break;
                case Anthropic.MessageDeltaEvent d: stopReason = d.Delta.StopReason?.Value; break;
            }
        }

        Assert.StartsWith("**Planning the answer**", thinking.ToString());
        Assert.Equal(ExpectedArguments, json.ToString());
        Assert.Equal("tool_use", stopReason);
    }

    [Fact]
    public async Task Gemini_returns_a_function_call_part_that_fits_the_openapi_style_parameters()
    {
        using var client = new FakeFoundry().CreateClient();
        var parameters = new Gemini.Schema
        {
            Type = Gemini.SchemaType.OBJECT,
            Properties = new Dictionary<string, Gemini.Schema> { ["query"] = new() { Type = Gemini.SchemaType.STRING }, ["days"] = new() { Type = Gemini.SchemaType.INTEGER } },
            Required = ["query", "days"],
        };
        var request = new Gemini.GenerateContentRequest
        {
            Contents = [new Gemini.Content { Role = "user", Parts = [new Gemini.Part { Text = Prompt }] }],
            Tools = [new Gemini.Tool { FunctionDeclarations = [new Gemini.FunctionDeclaration { Name = "lookup", Parameters = parameters }] }],
        };

        Gemini.FunctionCall? call = null;
        await foreach (var chunk in client.GoogleGenerateContent.StreamAsync(GeminiModel.Gemini3Flash, request))
        {
            call ??= chunk.Candidates?[0].Content?.Parts?.FirstOrDefault(p => p.FunctionCall != null)?.FunctionCall;
        }

        Assert.Equal("lookup", call!.Name);
        Assert.Equal("What is the weather in Paris?", call.Args!.Value.GetProperty("query").GetString());
        Assert.Equal(1, call.Args.Value.GetProperty("days").GetInt32());
    }
}
