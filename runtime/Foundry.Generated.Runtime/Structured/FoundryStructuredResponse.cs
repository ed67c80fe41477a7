namespace Foundry.Generated;

/// <summary>
/// A structured-output answer: <see cref="Value"/> parsed from the answer's text as the caller's type, with the
/// route's whole response and the text it was parsed from.
/// </summary>
/// <typeparam name="T">The caller's type (its <c>JsonTypeInfo</c> gave the schema and parses the answer).</typeparam>
/// <typeparam name="TResponse">The route's response (<c>Response</c>, <c>CreateChatCompletionResponse</c>, Anthropic
/// <c>Message</c>, <c>GenerateContentResponse</c>).</typeparam>
public sealed class FoundryStructuredResponse<T, TResponse>
{
    internal FoundryStructuredResponse(T value, TResponse response, string text)
    {
        Value = value;
        Response = response;
        Text = text;
    }

    /// <summary>The answer parsed as <typeparamref name="T"/> (never a default stand-in: a refusal, a cut-off answer or
    /// text that does not parse raises <see cref="FoundryStructuredOutputException"/>).</summary>
    public T Value { get; }

    /// <summary>The route's whole response (usage, ids, finish reason, ...).</summary>
    public TResponse Response { get; }

    /// <summary>The JSON text <see cref="Value"/> was parsed from.</summary>
    public string Text { get; }
}
