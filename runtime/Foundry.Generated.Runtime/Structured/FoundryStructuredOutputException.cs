using System;
using Foundry.Generated.Runtime;

namespace Foundry.Generated;

/// <summary>Why a structured-output answer gave no value.</summary>
public enum FoundryStructuredOutputFailure
{
    /// <summary>The model refused (OpenAI <c>refusal</c>, Anthropic <c>stop_reason: refusal</c>, Gemini a safety or
    /// block finish).</summary>
    Refused,

    /// <summary>The answer was cut off (Responses <c>incomplete</c>, chat <c>finish_reason: length</c>, Anthropic
    /// <c>max_tokens</c>, Gemini <c>MAX_TOKENS</c>): the JSON is not whole.</summary>
    Incomplete,

    /// <summary>The answer's text is not JSON of the requested type (or is JSON <c>null</c>, or there is no text).</summary>
    Unparsable,
}

/// <summary>
/// A structured-output call got an answer, but no value of the requested type from it: the model refused, the answer
/// was cut off, or its text does not parse as the type. <see cref="RawText"/> keeps what the model wrote; a call never
/// returns a default value instead.
/// </summary>
public sealed class FoundryStructuredOutputException : FoundryException
{
    // The model's text is a server string like any other: a server that echoes the token does not hand it on.
    internal FoundryStructuredOutputException(string message, string route, string? model, FoundryStructuredOutputFailure failure, string rawText, string? refusal, string? finishReason, Exception? inner, in TokenScrubber scrub)
        : base(message, route, model, inner, scrub)
    {
        Failure = failure;
        RawText = scrub.Scrub(rawText);
        Refusal = scrub.ScrubOrNull(refusal);
        FinishReason = scrub.ScrubOrNull(finishReason);
    }

    /// <summary>Why there is no value.</summary>
    public FoundryStructuredOutputFailure Failure { get; }

    /// <summary>The answer's text as the model wrote it (empty when there was none).</summary>
    public string RawText { get; }

    /// <summary>The model's refusal message, when it gave one.</summary>
    public string? Refusal { get; }

    /// <summary>The route's finish or stop reason (e.g. <c>length</c>, <c>max_tokens</c>, <c>MAX_TOKENS</c>), when the
    /// answer gave one.</summary>
    public string? FinishReason { get; }
}
