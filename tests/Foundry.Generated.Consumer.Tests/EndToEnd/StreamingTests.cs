using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.Anthropic;
using Foundry.Generated.Gemini;
using Foundry.Generated.OpenAi;
using InputMessage = Foundry.Generated.Anthropic.InputMessage;
using InputMessageRole = Foundry.Generated.Anthropic.InputMessageRole;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.EndToEnd;

/// <summary>Every streaming route, through the generated clients and the runtime, against the emulator.</summary>
public sealed class StreamingTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Prompt = "Tell me a 10 word story";

    private static CreateChatCompletionRequest ChatRequest() => new()
    {
        Model = ChatCompletionsModel.Gpt4_1,
        Messages = [new ChatCompletionRequestUserMessage { Content = Prompt }],
    };

    [Fact]
    public async Task Responses_stream_yields_typed_text_deltas_and_usage()
    {
        using var client = new FoundryLlmClient(fixture.Options());
        var request = new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = Prompt };

        var events = new List<ResponseStreamEvent>();
        await foreach (var e in client.OpenAiResponses.StreamAsync(request))
        {
            events.Add(e);
        }

        var text = string.Concat(events.OfType<ResponseTextDeltaEvent>().Select(d => d.Delta));
        Assert.Equal(10, text.Split(' ').Length);
        Assert.DoesNotContain(events, e => e.GetType().Name.StartsWith("Unknown"));
        var completed = Assert.Single(events.OfType<ResponseCompletedEvent>());
        Assert.Equal(10, completed.Response.Usage!.OutputTokens);
        Assert.Equal("ri.language-model-service..language-model.gpt-5-mini", fixture.Emulator.Requests.Last().Model);
    }

    [Fact]
    public async Task Chat_completions_stream_asks_for_usage_and_ends_at_done()
    {
        using var client = new FoundryLlmClient(fixture.Options());
        var request = ChatRequest();

        var text = new StringBuilder();
        CompletionUsage? usage = null;
        await foreach (var chunk in client.OpenAiChatCompletions.StreamAsync(request))
        {
            foreach (var choice in chunk.Choices ?? [])
            {
                text.Append(choice.Delta.Content);
            }

            usage ??= chunk.Usage;
        }

        Assert.Equal(10, text.ToString().Split(' ').Length);
        Assert.NotNull(usage);
        Assert.Equal(10, usage!.CompletionTokens);
    }

    [Fact]
    public async Task A_streams_repeated_id_and_model_are_one_string_each()
    {
        using var client = new FoundryLlmClient(fixture.Options());
        var request = ChatRequest();

        var chunks = new List<CreateChatCompletionStreamResponse>();
        await foreach (var chunk in client.OpenAiChatCompletions.StreamAsync(request))
        {
            chunks.Add(chunk);
        }

        Assert.True(chunks.Count > 2);
        Assert.All(chunks, c => Assert.Same(chunks[0].Id, c.Id));
        Assert.All(chunks, c => Assert.Same(chunks[0].Model, c.Model));
        Assert.False(string.IsNullOrEmpty(chunks[0].Id));
    }

    [Fact]
    public async Task Anthropic_stream_yields_ping_and_text_deltas()
    {
        using var client = new FoundryLlmClient(fixture.Options());
        var request = new CreateMessageParams
        {
            Model = AnthropicMessagesModel.ClaudeSonnet4_5,
            MaxTokens = 256,
            Messages = [new InputMessage { Role = InputMessageRole.User, Content = Prompt }],
        };

        var events = new List<MessageStreamEvent>();
        await foreach (var e in client.AnthropicMessages.StreamAsync(request))
        {
            events.Add(e);
        }

        Assert.Contains(events, e => e is Ping);
        var text = string.Concat(events.OfType<ContentBlockDeltaEvent>().Select(d => d.Delta).OfType<TextContentBlockDelta>().Select(d => d.Text));
        Assert.Equal(10, text.Split(' ').Length);
        Assert.IsType<MessageStopEvent>(events.Last());
    }

    [Fact]
    public async Task Gemini_stream_puts_the_model_rid_in_the_path_and_reads_crlf_chunks()
    {
        using var client = new FoundryLlmClient(fixture.Options());
        var request = new GenerateContentRequest
        {
            Contents = [new Content { Role = "user", Parts = [new Part { Text = Prompt }] }],
        };

        var text = new StringBuilder();
        GenerateContentResponse? last = null;
        await foreach (var chunk in client.GoogleGenerateContent.StreamAsync(GeminiModel.Gemini3Flash, request))
        {
            text.Append(chunk.Candidates?[0].Content?.Parts?[0].Text);
            last = chunk;
        }

        Assert.Equal(10, text.ToString().Split(' ').Length);
        Assert.Equal(10, last!.UsageMetadata!.CandidatesTokenCount);
        Assert.Equal("ri.language-model-service..language-model.gemini-3-flash", fixture.Emulator.Requests.Last().Model);
    }

    [Fact]
    public async Task Xai_responses_stream_uses_the_xai_route()
    {
        using var client = new FoundryLlmClient(fixture.Options());
        var request = new global::Foundry.Generated.Xai.CreateResponse { Model = XaiResponsesModel.Grok4_3, Input = Prompt };

        var deltas = 0;
        await foreach (var e in client.XaiResponses.StreamAsync(request))
        {
            deltas += e is ResponseTextDeltaEvent ? 1 : 0;
        }

        Assert.Equal(10, deltas);
        Assert.Equal("xai-responses", fixture.Emulator.Requests.Last().Route);
    }

    // xai-chat-completions has the chat dialect but no catalogued model.
    public static TheoryData<string> StreamingRoutes => new() { "openai-responses", "openai-chat-completions", "anthropic-messages", "google-generate-content", "xai-responses" };

    [Theory]
    [MemberData(nameof(StreamingRoutes))]
    public async Task Every_streaming_route_has_a_text_stream(string route)
    {
        using var client = new FoundryLlmClient(fixture.Options());
        var stream = route switch
        {
            "openai-responses" => client.OpenAiResponses.StreamTextAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = Prompt }),
            "openai-chat-completions" => client.OpenAiChatCompletions.StreamTextAsync(ChatRequest()),
            "anthropic-messages" => client.AnthropicMessages.StreamTextAsync(new CreateMessageParams
            {
                Model = AnthropicMessagesModel.ClaudeSonnet4_5,
                MaxTokens = 256,
                Messages = [new InputMessage { Role = InputMessageRole.User, Content = Prompt }],
            }),
            "google-generate-content" => client.GoogleGenerateContent.StreamTextAsync(GeminiModel.Gemini3Flash, new GenerateContentRequest { Contents = [new Content { Role = "user", Parts = [new Part { Text = Prompt }] }] }),
            _ => client.XaiResponses.StreamTextAsync(new global::Foundry.Generated.Xai.CreateResponse { Model = XaiResponsesModel.Grok4_3, Input = Prompt }),
        };

        var pieces = new List<string>();
        await foreach (var text in stream)
        {
            pieces.Add(text);
        }

        Assert.True(pieces.Count > 1, $"{pieces.Count} pieces");
        Assert.All(pieces, p => Assert.NotEmpty(p));
        Assert.Equal(10, string.Concat(pieces).Split(' ').Length);
        Assert.Equal(route, fixture.Emulator.Requests.Last().Route);
    }

    [Fact]
    public async Task Non_streaming_create_returns_the_whole_response()
    {
        using var client = new FoundryLlmClient(fixture.Options());

        var response = await client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5_2, Input = Prompt });

        var message = Assert.IsType<OutputMessage>(Assert.Single(response.Output));
        // OutputTextContent belongs to two unions; in this one it comes wrapped (see DESIGN.md).
        var text = Assert.IsType<OutputMessageContentOutputTextContent>(Assert.Single(message.Content)).Value;
        Assert.Equal(10, text.Text.Split(' ').Length);
    }

    [Fact]
    public async Task Embeddings_return_vectors_of_the_catalog_dimension()
    {
        using var client = new FoundryLlmClient(fixture.Options());

        var response = await client.OpenAiEmbeddings.CreateAsync(new CreateEmbeddingRequest { Model = EmbeddingsModel.TextEmbedding3Large, Input = "hello" });

        Assert.Equal(3072, Assert.Single(response.Data).EmbeddingValue.ToFloats().Length);
    }

    [Fact]
    public async Task Friendly_id_wire_format_sends_the_friendly_id()
    {
        using var client = new FoundryLlmClient(fixture.Options(o => o.ModelIdWireFormat = global::Foundry.Generated.ModelIdWireFormat.FriendlyId));

        await client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5_2, Input = "hi" });

        Assert.Equal("gpt-5.2", fixture.Emulator.Requests.Last().Model);
    }
}
