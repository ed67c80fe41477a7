using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Responses;

namespace Foundry.Generated.Benchmarks;

/// <summary>
/// Consume a 10,000-delta stream served from memory: the generated client (full pipeline: request writing,
/// HttpClient, SSE, typed events), the OpenAI SDK pointed at the same handler, and the floor — SseParser plus a
/// Utf8JsonReader that pulls only the delta. Each returns the number of characters of text received.
/// </summary>
[MemoryDiagnoser]
public class StreamingDecodeBenchmarks
{
    public const int Deltas = 10_000;

    private byte[] _responses = [];
    private byte[] _chat = [];
    private FoundryLlmClient _foundryResponses = null!;
    private FoundryLlmClient _foundryChat = null!;
    private ResponsesClient _openAiResponses = null!;
    private ChatClient _openAiChat = null!;

    [GlobalSetup]
    public void Setup()
    {
        _responses = RecordedStreams.Responses(Deltas);
        _chat = RecordedStreams.Chat(Deltas);
        var options = new FoundryClientOptions { BaseUrl = new Uri("http://localhost/"), Token = "benchmark" };
        _foundryResponses = new FoundryLlmClient(options, new HttpClient(new InMemoryHandler(_responses)));
        _foundryChat = new FoundryLlmClient(options, new HttpClient(new InMemoryHandler(_chat)));
        _openAiResponses = new ResponsesClient(new ApiKeyCredential("benchmark"), new ResponsesClientOptions { Endpoint = new Uri("http://localhost/v1"), Transport = new HttpClientPipelineTransport(new HttpClient(new InMemoryHandler(_responses))) });
        _openAiChat = new ChatClient("gpt-4o", new ApiKeyCredential("benchmark"), new OpenAIClientOptions { Endpoint = new Uri("http://localhost/v1"), Transport = new HttpClientPipelineTransport(new HttpClient(new InMemoryHandler(_chat))) });
    }

    [Benchmark(Description = "Responses: Foundry.Generated")]
    public async Task<int> ResponsesFoundry()
    {
        var chars = 0;
        await foreach (var e in _foundryResponses.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" }))
        {
            if (e is ResponseTextDeltaEvent d)
            {
                chars += d.Delta.Length;
            }
        }

        return chars;
    }

    [Benchmark(Description = "Responses: OpenAI SDK 2.15")]
    public async Task<int> ResponsesOpenAi()
    {
        var chars = 0;
        await foreach (var update in await _openAiResponses.CreateResponseStreamingAsync("gpt-5-mini", "hi", null))
        {
            if (update is StreamingResponseOutputTextDeltaUpdate d)
            {
                chars += d.Delta.Length;
            }
        }

        return chars;
    }

    [Benchmark(Baseline = true, Description = "Responses: floor (SseParser + Utf8JsonReader)")]
    public async Task<int> ResponsesFloor() => await Floor(_responses, "delta"u8.ToArray());

    [Benchmark(Description = "Chat: Foundry.Generated")]
    public async Task<int> ChatFoundry()
    {
        var chars = 0;
        await foreach (var chunk in _foundryChat.OpenAiChatCompletions.StreamAsync(new CreateChatCompletionRequest { Model = ChatCompletionsModel.Gpt4o, Messages = [new ChatCompletionRequestUserMessage { Content = "hi" }] }))
        {
            if (chunk.Choices.Count > 0)
            {
                chars += chunk.Choices[0].Delta.Content?.Length ?? 0;
            }
        }

        return chars;
    }

    [Benchmark(Description = "Chat: OpenAI SDK 2.15")]
    public async Task<int> ChatOpenAi()
    {
        var chars = 0;
        await foreach (var update in _openAiChat.CompleteChatStreamingAsync([new UserChatMessage("hi")]))
        {
            foreach (var part in update.ContentUpdate)
            {
                chars += part.Text?.Length ?? 0;
            }
        }

        return chars;
    }

    [Benchmark(Description = "Chat: floor (SseParser + Utf8JsonReader)")]
    public async Task<int> ChatFloor() => await Floor(_chat, "content"u8.ToArray());

    // The least work that still gets the text out: find the property, read the string.
    private static async Task<int> Floor(byte[] body, byte[] property)
    {
        var chars = 0;
        using var stream = new System.IO.MemoryStream(body);
        var parser = SseParser.Create(stream, (_, data) =>
        {
            if (data.SequenceEqual("[DONE]"u8))
            {
                return 0;
            }

            var reader = new Utf8JsonReader(data);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(property) && reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString()!.Length;
                }
            }

            return 0;
        });
        await foreach (var item in parser.EnumerateAsync())
        {
            chars += item.Data;
        }

        return chars;
    }
}
