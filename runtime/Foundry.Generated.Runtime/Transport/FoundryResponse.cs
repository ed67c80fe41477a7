using System;

namespace Foundry.Generated;

/// <summary>
/// A non-streaming call's decoded answer with what came with it: the response head (status, headers, request id) and
/// the body exactly as received, for logging, auditing or reading a member the spec does not describe.
/// </summary>
public sealed class FoundryResponse<T>
{
    internal FoundryResponse(T value, FoundryResponseHead head, ReadOnlyMemory<byte> body, Runtime.TokenScrubber scrubber)
    {
        Value = value;
        Head = head;
        Body = body;
        Scrubber = scrubber;
    }

    /// <summary>The call's redaction point, for failures raised later from the body (structured output).</summary>
    internal Runtime.TokenScrubber Scrubber { get; }

    /// <summary>The decoded answer (what the method without <c>WithResponse</c> returns).</summary>
    public T Value { get; }

    public FoundryResponseHead Head { get; }

    /// <summary>The body's UTF-8 JSON as the server sent it.</summary>
    public ReadOnlyMemory<byte> Body { get; }
}
