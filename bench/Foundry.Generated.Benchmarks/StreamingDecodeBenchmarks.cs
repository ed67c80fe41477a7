using System;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
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
        _foundryResponses = InMemoryClients.Foundry(_responses);
        _foundryChat = InMemoryClients.Foundry(_chat);
        _openAiResponses = InMemoryClients.OpenAiResponses(_responses);
        _openAiChat = InMemoryClients.OpenAiChat(_chat);
    }

    [Benchmark(Description = "Responses: Foundry.Generated")]
    public Task<int> ResponsesFoundry()
        => ResponsesText(_foundryResponses.OpenAiResponses.StreamAsync(InMemoryClients.ResponsesRequest()));

    // The typed stream with an accumulator that builds the whole Response at the end.
    [Benchmark(Description = "Responses: Foundry.Generated, accumulated")]
    public async Task<int> ResponsesFoundryAccumulated()
    {
        var accumulator = new FoundryStreamAccumulator<Response>();
        var chars = await ResponsesText(_foundryResponses.OpenAiResponses.StreamAsync(InMemoryClients.ResponsesRequest(), accumulator));
        GC.KeepAlive(accumulator.ToResponse());
        return chars;
    }

    // Structured output over the same stream: the schema is exported and set on the request once, the events take the
    // accumulator's path, and the answer is parsed once at the end (the recorded answer is prose, so the parse fails
    // and is caught). Against the accumulated row, this shows what structured output adds per event: nothing.
    [Benchmark(Description = "Responses: Foundry.Generated, structured output")]
    public async Task<int> ResponsesFoundryStructured()
    {
        var accumulator = new FoundryStructuredAccumulator<BenchAnswer, Response>(BenchJson.Default.BenchAnswer);
        var chars = await ResponsesText(_foundryResponses.OpenAiResponses.StreamAsync(InMemoryClients.ResponsesRequest(), accumulator));
        try
        {
            GC.KeepAlive(accumulator.ToResult());
        }
        catch (FoundryStructuredOutputException e) when (e.Failure == FoundryStructuredOutputFailure.Unparsable)
        {
        }

        return chars;
    }

    // The same full path (request, HttpClient, SSE, error detection, telemetry), yielding only the text: no event objects.
    [Benchmark(Description = "Responses: Foundry.Generated, StreamTextAsync")]
    public Task<int> ResponsesFoundryText()
        => Length(_foundryResponses.OpenAiResponses.StreamTextAsync(InMemoryClients.ResponsesRequest()));

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
    public Task<int> ChatFoundry()
        => ChatText(_foundryChat.OpenAiChatCompletions.StreamAsync(InMemoryClients.ChatRequest()));

    // The typed stream with an accumulator that builds the whole CreateChatCompletionResponse at the end.
    [Benchmark(Description = "Chat: Foundry.Generated, accumulated")]
    public async Task<int> ChatFoundryAccumulated()
    {
        var accumulator = new FoundryStreamAccumulator<CreateChatCompletionResponse>();
        await ChatText(_foundryChat.OpenAiChatCompletions.StreamAsync(InMemoryClients.ChatRequest(), accumulator));
        // The text of the accumulated answer: the same as every other row of the stream reads.
        return accumulator.ToResponse().Choices[0].Message.Content?.Length ?? 0;
    }

    [Benchmark(Description = "Chat: Foundry.Generated, StreamTextAsync")]
    public Task<int> ChatFoundryText()
        => Length(_foundryChat.OpenAiChatCompletions.StreamTextAsync(InMemoryClients.ChatRequest()));

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

    // Between the floor and the full path: the same SseParser over the same bytes, decoded into the generated types
    // with a per-stream string cache, but no HttpClient, pipeline, error detection or telemetry. The gap to the floor
    // is what typed events cost; the gap to the full path is what the pipeline costs.
    [Benchmark(Description = "Responses: generated types only")]
    public Task<int> ResponsesTypedOnly() => ResponsesText(TypedOnly<ResponseStreamEvent>(_responses));

    [Benchmark(Description = "Chat: generated types only")]
    public Task<int> ChatTypedOnly() => ChatText(TypedOnly<CreateChatCompletionStreamResponse>(_chat));

    private static async Task<int> Length(System.Collections.Generic.IAsyncEnumerable<string> text)
    {
        var chars = 0;
        await foreach (var piece in text)
        {
            chars += piece.Length;
        }

        return chars;
    }

    private static async Task<int> ResponsesText(System.Collections.Generic.IAsyncEnumerable<ResponseStreamEvent> events)
    {
        var chars = 0;
        await foreach (var e in events)
        {
            if (e is ResponseTextDeltaEvent d)
            {
                chars += d.Delta.Length;
            }
        }

        return chars;
    }

    private static async Task<int> ChatText(System.Collections.Generic.IAsyncEnumerable<CreateChatCompletionStreamResponse> chunks)
    {
        var chars = 0;
        await foreach (var chunk in chunks)
        {
            if (chunk.Choices is { Count: > 0 } choices)
            {
                chars += choices[0].Delta.Content?.Length ?? 0;
            }
        }

        return chars;
    }

    private static async System.Collections.Generic.IAsyncEnumerable<TEvent> TypedOnly<TEvent>(byte[] body)
        where TEvent : class, IFoundryJsonReadable<TEvent>
    {
        using var stream = new System.IO.MemoryStream(body);
        var strings = new FoundryStringCache();
        var parser = SseParser.Create(stream, (_, data) =>
        {
            if (data.SequenceEqual("[DONE]"u8))
            {
                return null;
            }

            var reader = new Utf8JsonReader(data);
            reader.Read();
            return TEvent.ReadJson(ref reader, strings);
        });
        await foreach (var item in parser.EnumerateAsync())
        {
            if (item.Data is { } value)
            {
                yield return value;
            }
        }
    }

    // The floor stops at the delta, so it never tokenises what follows it (chat's finish_reason, usage, obfuscation);
    // a typed reader must read the whole object. This row reads every token and still builds nothing.
    [Benchmark(Description = "Responses: floor reading every token")]
    public async Task<int> ResponsesFloorWholeEvent() => await Floor(_responses, "delta"u8.ToArray(), wholeEvent: true);

    [Benchmark(Description = "Chat: floor reading every token")]
    public async Task<int> ChatFloorWholeEvent() => await Floor(_chat, "content"u8.ToArray(), wholeEvent: true);

    // The least work that still gets the text out: find the property, read the string.
    private static async Task<int> Floor(byte[] body, byte[] property, bool wholeEvent = false)
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
            var length = 0;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(property) && reader.Read() && reader.TokenType == JsonTokenType.String)
                {
                    length = reader.GetString()!.Length;
                    if (!wholeEvent)
                    {
                        return length;
                    }
                }
            }

            return length;
        });
        await foreach (var item in parser.EnumerateAsync())
        {
            chars += item.Data;
        }

        return chars;
    }
}

/// <summary>The structured-output row's type.</summary>
public sealed class BenchAnswer
{
    public string Text { get; set; } = string.Empty;
}

[System.Text.Json.Serialization.JsonSerializable(typeof(BenchAnswer))]
internal sealed partial class BenchJson : System.Text.Json.Serialization.JsonSerializerContext
{
}
