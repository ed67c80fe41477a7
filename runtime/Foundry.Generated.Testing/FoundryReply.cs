using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Foundry.Generated.Testing;

/// <summary>How a scripted answer ends; the fake writes each route's own reason (e.g. <c>length</c>, <c>max_tokens</c>, <c>MAX_TOKENS</c>).</summary>
public enum FoundryFinishReason
{
    /// <summary>The model finished (<c>stop</c>, <c>end_turn</c>, <c>STOP</c>, Responses <c>completed</c>).</summary>
    Stop,

    /// <summary>The output token limit cut the answer (<c>length</c>, <c>max_tokens</c>, <c>MAX_TOKENS</c>, Responses <c>incomplete</c>).</summary>
    Length,

    /// <summary>The model called tools (<c>tool_calls</c>, <c>tool_use</c>); the default when the reply has tool calls.</summary>
    ToolCalls,

    /// <summary>A content filter stopped the answer (<c>content_filter</c>, <c>refusal</c>, <c>SAFETY</c>, Responses <c>incomplete</c>).</summary>
    ContentFilter,
}

/// <summary>One tool call in a scripted reply; its arguments are streamed in pieces, as providers do.</summary>
public sealed record FoundryToolCall(string Name, string ArgumentsJson, string Id);

/// <summary>
/// A scripted answer to one request, written in the shapes of whichever route the request came on: text in chunks,
/// reasoning, tool calls, a refusal, usage, a finish reason; or an error with Foundry's error body; optionally with a
/// stream fault (<see cref="CutAfter"/>, <see cref="ErrorEventAfter"/>, ...). Immutable: each method returns a copy.
/// </summary>
public sealed record FoundryReply
{
    private FoundryReply()
    {
    }

    internal ImmutableArray<string> TextChunks { get; init; } = ImmutableArray<string>.Empty;

    internal ImmutableArray<string> ReasoningChunks { get; init; } = ImmutableArray<string>.Empty;

    internal string? RefusalText { get; init; }

    internal ImmutableArray<FoundryToolCall> ToolCalls { get; init; } = ImmutableArray<FoundryToolCall>.Empty;

    internal (int Input, int Output)? UsageTokens { get; init; }

    internal FoundryFinishReason? Finish { get; init; }

    internal FoundryFault? StreamFault { get; init; }

    internal ScriptedError? Error { get; init; }

    internal FoundryRecording? Recording { get; init; }

    internal ImmutableArray<ImmutableArray<float>>? Vectors { get; init; }

    /// <summary>The text of the answer, streamed one chunk per event (<c>Text("Hello", " world")</c>).</summary>
    public static FoundryReply Text(params string[] chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        return new FoundryReply { TextChunks = chunks.ToImmutableArray() };
    }

    /// <summary>A call of tool <paramref name="name"/> with <paramref name="argumentsJson"/> (a JSON object).</summary>
    public static FoundryReply ToolCall(string name, string argumentsJson, string? id = null)
        => new FoundryReply().AndToolCall(name, argumentsJson, id);

    /// <summary>The model declines: a refusal where the route has one (chat <c>refusal</c>, Responses refusal part,
    /// Anthropic <c>stop_reason: refusal</c>, Gemini <c>SAFETY</c>).</summary>
    public static FoundryReply Refusal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FoundryReply { RefusalText = text, Finish = FoundryFinishReason.ContentFilter };
    }

    /// <summary>An HTTP error with Foundry's error body, e.g. <c>Error(403, "LanguageModelService:PermissionDenied")</c>.</summary>
    public static FoundryReply HttpError(int status, string errorName, string? message = null, int? retryAfterSeconds = null)
    {
        if (status is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "An error status is 400 to 599.");
        }

        ArgumentException.ThrowIfNullOrEmpty(errorName);
        return new FoundryReply { Error = new ScriptedError(status, errorName, message ?? "scripted by the test", retryAfterSeconds) };
    }

    /// <summary>429 <c>LanguageModelService:RateLimited</c> with <c>Retry-After</c>, as Foundry rate limits.</summary>
    public static FoundryReply RateLimited(int retryAfterSeconds = 1)
        => HttpError(429, "LanguageModelService:RateLimited", "rate limited (scripted by the test)", retryAfterSeconds);

    /// <summary>
    /// An embeddings answer (<c>openai-embeddings</c>): these vectors, one per <c>data</c> item in this order, as given
    /// (also when the request had another number of inputs, so a test can script a mismatch); base64 when the request
    /// asks for <c>encoding_format: base64</c>. Usage: the inputs' word counts unless <see cref="WithUsage"/> says
    /// (<c>prompt_tokens</c> = input, <c>total_tokens</c> = input + output).
    /// </summary>
    public static FoundryReply Embedding(params float[][] vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Length == 0)
        {
            throw new ArgumentException("An embeddings reply has at least one vector.", nameof(vectors));
        }

        var list = ImmutableArray.CreateBuilder<ImmutableArray<float>>(vectors.Length);
        for (var i = 0; i < vectors.Length; i++)
        {
            if (vectors[i] is not { Length: > 0 } vector)
            {
                throw new ArgumentException($"Vector {i} is null or empty.", nameof(vectors));
            }

            list.Add(vector.ToImmutableArray());
        }

        return new FoundryReply { Vectors = list.MoveToImmutable() };
    }

    /// <summary>The emulated answer (derived from the prompt) with <paramref name="fault"/> applied.</summary>
    public static FoundryReply Emulated(FoundryFault? fault = null) => new FoundryReply { StreamFault = fault, IsEmulated = true };

    /// <summary>A 200 that is not an event stream (an HTML page) where a stream was asked for.</summary>
    public static FoundryReply NotEventStream() => Emulated(FoundryFault.NotEventStream());

    internal bool IsEmulated { get; init; }

    /// <summary>
    /// <paramref name="recording"/>'s status, content type and body, byte for byte, for a request on its route (a
    /// request that passes the fake's checks: auth, validation, the catalog). Enqueue it with
    /// <c>recording.Route</c> so a request on another route is not answered with it. A recorded event stream takes
    /// the stream faults too: <c>Recorded(r).CutAfter(3)</c> replays three events as recorded and ends;
    /// <see cref="ErrorEventAfter"/>, <see cref="ResetAfter"/> and <see cref="StallAfter"/> likewise.
    /// </summary>
    public static FoundryReply Recorded(FoundryRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return new FoundryReply { Recording = recording };
    }

    /// <summary>One more tool call in the same answer (parallel tool calls).</summary>
    public FoundryReply AndToolCall(string name, string argumentsJson, string? id = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(argumentsJson);
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(argumentsJson);
            if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                throw new ArgumentException($"The arguments of tool '{name}' must be a JSON object, not {document.RootElement.ValueKind}.", nameof(argumentsJson));
            }
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ArgumentException($"The arguments of tool '{name}' are not JSON: {e.Message}", nameof(argumentsJson), e);
        }

        var call = new FoundryToolCall(name, argumentsJson, id ?? "call_" + (ToolCalls.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return this with { ToolCalls = ToolCalls.Add(call) };
    }

    /// <summary>Reasoning (thinking) before the answer, one chunk per event, where the route streams it.</summary>
    public FoundryReply WithReasoning(params string[] chunks) => this with { ReasoningChunks = chunks.ToImmutableArray() };

    /// <summary>The usage the reply reports; by default the prompt's and the answer's word counts.</summary>
    public FoundryReply WithUsage(int inputTokens, int outputTokens) => this with { UsageTokens = (inputTokens, outputTokens) };

    public FoundryReply WithFinishReason(FoundryFinishReason reason) => this with { Finish = reason };

    /// <summary>The stream ends cleanly after <paramref name="events"/> events, without its terminal event.</summary>
    public FoundryReply CutAfter(int events) => WithFault(FoundryFault.CutAfter(events));

    /// <summary>The provider's error event (Responses <c>error</c>, Anthropic <c>overloaded_error</c>, ...) after <paramref name="events"/> events.</summary>
    public FoundryReply ErrorEventAfter(int events) => WithFault(FoundryFault.ErrorEventAfter(events));

    /// <summary>The connection is reset after <paramref name="events"/> events.</summary>
    public FoundryReply ResetAfter(int events) => WithFault(FoundryFault.ResetAfter(events));

    /// <summary>Nothing more is sent after <paramref name="events"/> events (the client's idle timeout or cancellation ends it).</summary>
    public FoundryReply StallAfter(int events) => WithFault(FoundryFault.StallAfter(events));

    /// <summary>Any stream fault of <see cref="FoundryFault"/>'s grammar.</summary>
    public FoundryReply WithFault(FoundryFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (Error is not null)
        {
            throw new InvalidOperationException("An HTTP error reply has no stream to apply a fault to.");
        }

        if (Recording is { } recording && (!RecordedStreamWriter.IsEventStream(recording) || Array.IndexOf(RecordedStreamWriter.Kinds, fault.Kind) < 0))
        {
            throw new InvalidOperationException(RecordedStreamWriter.IsEventStream(recording)
                ? $"A replayed {recording} takes the faults {string.Join(", ", RecordedStreamWriter.Kinds)}, not {fault.Kind} (its events are written as recorded)."
                : $"{recording} is not a 200 event stream: there is no stream to apply {fault} to.");
        }

        return this with { StreamFault = fault };
    }

    public override string ToString()
    {
        if (Error is { } error)
        {
            return $"HTTP {error.Status} {error.Name}";
        }

        if (Recording is { } recording)
        {
            return recording.ToString() + (StreamFault is null ? string.Empty : ", fault " + StreamFault);
        }

        if (Vectors is { } vectors)
        {
            return $"embedding of {vectors.Length} vector{(vectors.Length == 1 ? string.Empty : "s")} ({vectors[0].Length} dimensions)";
        }

        var parts = new List<string>();
        void AddIf(bool condition, string part)
        {
            if (condition)
            {
                parts.Add(part);
            }
        }

        AddIf(IsEmulated, "emulated");
        AddIf(TextChunks.Length > 0, $"text \"{string.Concat(TextChunks)}\"");
        AddIf(RefusalText is not null, $"refusal \"{RefusalText}\"");
        foreach (var call in ToolCalls)
        {
            parts.Add($"tool call {call.Name}({call.ArgumentsJson})");
        }

        AddIf(StreamFault is not null, "fault " + StreamFault);
        return parts.Count == 0 ? "empty reply" : string.Join(", ", parts);
    }
}

/// <summary>A scripted HTTP error.</summary>
internal sealed record ScriptedError(int Status, string Name, string Message, int? RetryAfterSeconds);
