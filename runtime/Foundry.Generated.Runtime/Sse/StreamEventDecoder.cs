using System;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>What one server-sent event turned out to be.</summary>
internal enum DecodedKind
{
    Event,
    /// <summary>Nothing to yield: empty data (WHATWG says it dispatches nothing; SseParser still reports it), or an
    /// event without text on a text stream. Its usage, if any, still counts.</summary>
    Skip,
    Done,
    Error,
    Invalid,
    TooLarge,
}

/// <summary>One parsed server-sent event: a typed value, the end sentinel, or a provider error.</summary>
/// <remarks>
/// Three fields: the parser copies this struct (inside its <c>SseItem</c>) a few times per event, so what only errors,
/// failing events and usage carry lives in a <see cref="DecodedDetails"/> that ordinary events do not allocate.
/// </remarks>
internal readonly struct DecodedEvent<TEvent>
{
    private readonly DecodedDetails? _details;

    public DecodedEvent(DecodedKind kind, TEvent? value = default, string? message = null, string? code = null, string? type = null, long? inputTokens = null, long? outputTokens = null, bool failsStream = false)
    {
        Kind = kind;
        Value = value;
        if (message is not null || code is not null || type is not null || inputTokens is not null || outputTokens is not null || failsStream)
        {
            _details = new DecodedDetails(message, code, type, inputTokens, outputTokens, failsStream);
        }
    }

    public DecodedKind Kind { get; }

    public TEvent? Value { get; }

    public string? Message => _details?.Message;

    public string? Code => _details?.Code;

    public string? Type => _details?.Type;

    public long? InputTokens => _details?.InputTokens;

    public long? OutputTokens => _details?.OutputTokens;

    /// <summary>
    /// An ordinary event that ends the stream with an error (Responses <c>response.failed</c>): its value is delivered
    /// like any other, then the stream fails with <see cref="Message"/> and <see cref="Code"/>.
    /// </summary>
    public bool FailsStream => _details?.FailsStream == true;
}

/// <summary>What an error, a failing event or a usage report adds to a <see cref="DecodedEvent{TEvent}"/>.</summary>
internal sealed record DecodedDetails(string? Message, string? Code, string? Type, long? InputTokens, long? OutputTokens, bool FailsStream);

/// <summary>
/// Decodes one SSE <c>data</c> field straight from its UTF-8 bytes. Error detection works on raw bytes first, so
/// the generated types only ever see real events: <c>[DONE]</c>, <c>event: error</c>, a top-level <c>error</c>
/// object (OpenAI-compatible chunks) and <c>"type":"error"</c> (Responses, Anthropic). Every non-empty event also goes
/// to the stream's <see cref="StreamTerminal"/>, which knows whether the stream has sent its terminal event.
/// </summary>
internal static class StreamEventDecoder
{
    private static ReadOnlySpan<byte> DoneSentinel => "[DONE]"u8;

    private static ReadOnlySpan<byte> ErrorWord => "\"error\""u8;

    /// <summary>The <c>Type</c> of a decoded event that fails the stream as <see cref="FoundryStreamFailure.Incomplete"/>.</summary>
    public const string IncompleteType = "response.incomplete";

    /// <summary>Decodes one event's data with the stream's <paramref name="values"/> reader (a typed event or its text);
    /// <paramref name="scanUsage"/> says whether anyone records token usage; <paramref name="terminal"/> sees every
    /// non-empty event.</summary>
    public static DecodedEvent<TEvent> Decode<TEvent, TReader>(in TReader values, StreamTerminal terminal, string eventType, ReadOnlySpan<byte> data, int maxBytes, bool scanUsage)
        where TReader : struct, IStreamValueReader<TReader, TEvent>
    {
        if (data.Length > maxBytes)
        {
            return new DecodedEvent<TEvent>(DecodedKind.TooLarge, message: $"event of {data.Length:N0} bytes exceeds the {maxBytes:N0}-byte limit");
        }

        var trimmed = data.Trim((byte)' ');
        if (trimmed.IsEmpty)
        {
            return new DecodedEvent<TEvent>(DecodedKind.Skip);
        }

        if (trimmed.SequenceEqual(DoneSentinel))
        {
            terminal.ObserveDone();
            return new DecodedEvent<TEvent>(DecodedKind.Done);
        }

        if (eventType == "error")
        {
            terminal.Count();
            return ToError<TEvent>(data);
        }

        var arrived = terminal.Events;
        TerminalSignal signal;
        TEvent value;
        bool yields;
        ErrorCheck error;
        try
        {
            yields = values.TryRead(eventType, trimmed, terminal, out signal, out value, out error);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            if (terminal.Events == arrived)
            {
                // The reader failed before the terminal saw the event: it still arrived.
                terminal.Count();
            }

            return MaybeError(data) ? ToError<TEvent>(data) : new DecodedEvent<TEvent>(DecodedKind.Invalid, message: e.Message);
        }

        if (error == ErrorCheck.Found || error == ErrorCheck.Search && MaybeError(data))
        {
            return ToError<TEvent>(data);
        }

        values.Accepted(trimmed);

        // Usage also comes on events with nothing to yield (a text stream's last chunk or response.completed).
        var (input, output) = scanUsage ? UsageScanner.Scan(data) : default;
        var kind = yields ? DecodedKind.Event : DecodedKind.Skip;
        if (signal == TerminalSignal.Incomplete && terminal.FailOnIncomplete)
        {
            var reason = ResponsesDialect.IncompleteReason(data);
            return new DecodedEvent<TEvent>(kind, value, $"the response is incomplete ({reason ?? "no reason given"})", reason, IncompleteType, input, output, failsStream: true);
        }

        if (signal == TerminalSignal.Failed)
        {
            var (code, message) = ResponsesDialect.FailedError(data);
            return new DecodedEvent<TEvent>(kind, value, message ?? "the response failed (response.failed, no error given)", code, inputTokens: input, outputTokens: output, failsStream: true);
        }

        return new DecodedEvent<TEvent>(kind, value, inputTokens: input, outputTokens: output);
    }

    // A top-level error object or "type": "error", looked for only where the word stands in quotes.
    private static bool MaybeError(ReadOnlySpan<byte> data) => data.IndexOf(ErrorWord) >= 0 && IsErrorPayload(data);

    /// <summary>True when the object has a top-level <c>error</c> object or a top-level <c>"type": "error"</c>.</summary>
    private static bool IsErrorPayload(ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        return true;
                    }
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("error"u8))
                    {
                        return true;
                    }
                }
                else
                {
                    reader.Read();
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }

    private static DecodedEvent<TEvent> ToError<TEvent>(ReadOnlySpan<byte> data)
    {
        var body = FoundryErrorBody.Parse(data);
        return new DecodedEvent<TEvent>(DecodedKind.Error, message: body.ProviderMessage ?? "the provider reported an error", code: body.ProviderCode, type: body.ProviderType);
    }
}
