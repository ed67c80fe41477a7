using System;
using Foundry.Generated.Runtime;

namespace Foundry.Generated;

/// <summary>What went wrong after a stream had started.</summary>
public enum FoundryStreamFailure
{
    /// <summary>
    /// The provider sent an error event or error chunk, or a Responses <c>response.failed</c> event (its
    /// <c>response.error</c> code and message; <c>StreamAsync</c> delivers that event before failing, so
    /// <see cref="FoundryStreamException.EventsReceived"/> counts it, while <c>StreamTextAsync</c> has no text to deliver
    /// from it). <c>response.incomplete</c> is not an error: the stream ends normally.
    /// </summary>
    ErrorEvent,
    /// <summary>An event could not be decoded (invalid JSON or wrong shape).</summary>
    InvalidEvent,
    /// <summary>Nothing arrived within the idle timeout.</summary>
    IdleTimeout,
    /// <summary>One event was larger than the configured maximum.</summary>
    EventTooLarge,
    /// <summary>The connection broke mid-stream.</summary>
    ConnectionLost,
    /// <summary>
    /// The stream ended (the body closed cleanly, or <c>[DONE]</c> came) without the route's terminal event: Responses
    /// <c>response.completed</c> / <c>response.incomplete</c> / <c>response.failed</c>, chat completions <c>[DONE]</c> or a
    /// <c>finish_reason</c> on every choice, Anthropic <c>message_stop</c>, Gemini a <c>finishReason</c> on every
    /// candidate. The answer is probably cut short. Raised after the events that did arrive; turned off by
    /// <see cref="FoundryClientOptions.AllowMissingStreamTerminal"/>.
    /// </summary>
    Truncated,
    /// <summary>
    /// A streaming call got a 2xx that is not an event stream: a content type other than <c>text/event-stream</c>
    /// (e.g. a JSON error or an HTML page from a proxy), or an event stream without a single event. Raised before any
    /// event; the message names the content type and shows the first bytes of the body (at most 256, token redacted).
    /// </summary>
    NotAnEventStream,
    /// <summary>
    /// A Responses <c>response.incomplete</c> while <see cref="FoundryClientOptions.FailOnIncompleteResponse"/> is set:
    /// the answer so far was delivered, <c>ErrorCode</c> is the reason (<c>max_output_tokens</c>, <c>content_filter</c>).
    /// </summary>
    Incomplete,
}

/// <summary>A stream failed after it started; the events before it were delivered.</summary>
public sealed class FoundryStreamException : FoundryException
{
    internal FoundryStreamException(string message, string route, string? model, FoundryStreamFailure failure, int eventsReceived, int eventsArrived, string? eventType, string? errorCode, string? errorType, Exception? inner, in TokenScrubber scrub)
        : base(message, route, model, inner, scrub)
    {
        Failure = failure;
        EventsReceived = eventsReceived;
        EventsArrived = eventsArrived;
        EventType = scrub.ScrubOrNull(eventType);
        ErrorCode = scrub.ScrubOrNull(errorCode);
        ErrorType = scrub.ScrubOrNull(errorType);
    }

    public FoundryStreamFailure Failure { get; }

    /// <summary>Values delivered to the caller before the failure: events for <c>StreamAsync</c>, text pieces for
    /// <c>StreamTextAsync</c>.</summary>
    public int EventsReceived { get; }

    /// <summary>Non-empty server-sent events that arrived (including those with nothing to deliver, such as a text
    /// stream's lifecycle events, and the failing event itself).</summary>
    public int EventsArrived { get; }

    /// <summary>The SSE event type of the failing event, when there was one.</summary>
    public string? EventType { get; }

    /// <summary>Provider error code (e.g. <c>insufficient_quota</c>), for error events.</summary>
    public string? ErrorCode { get; }

    public string? ErrorType { get; }
}
