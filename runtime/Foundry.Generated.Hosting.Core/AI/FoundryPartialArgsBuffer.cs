namespace Foundry.Generated.Hosting.AI
{
    /// <summary>
    /// Gemini function calls whose arguments stream in pieces (Vertex AI <c>streamFunctionCallArguments</c>), joined into
    /// one <see cref="global::Microsoft.Extensions.AI.FunctionCallContent"/>. The joining itself is the runtime's
    /// (<c>PartialArgsAssembler</c>, which the stream accumulator uses too); this gives its calls the adapter's shape: a
    /// call without an id gets <c>name#ordinal</c>, and arguments that could not be assembled become the call's
    /// <c>Exception</c>. Per stream; not thread-safe.
    /// </summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public sealed class FoundryPartialArgsBuffer
    {
        private readonly global::Foundry.Generated.Runtime.PartialArgsAssembler _calls = new();

        /// <summary>Whether a call is open (its arguments still streaming).</summary>
        public bool IsOpen => _calls.IsOpen;

        /// <summary>
        /// Starts a functionCall part: opens a call, or continues the open one (filling in an id or name it lacks).
        /// Returns the open call when this part starts a different one (another name or id) before the open call was
        /// completed, so that call is not merged into the new one.
        /// </summary>
        public global::Microsoft.Extensions.AI.FunctionCallContent? Part(string? callId, string? name, string? argumentsJson, int ordinal)
            => Content(_calls.Part(callId, name, argumentsJson), ordinal);

        /// <summary>A string piece at a JSON path; it is appended to a string already there.</summary>
        public void String(string? jsonPath, string value) => _calls.String(jsonPath, value);

        public void Number(string? jsonPath, double value) => _calls.Number(jsonPath, value);

        public void Boolean(string? jsonPath, bool value) => _calls.Boolean(jsonPath, value);

        public void Null(string? jsonPath) => _calls.Null(jsonPath);

        /// <summary>A piece with no value this reads (not a string, number, boolean or null): the call fails rather than lose it.</summary>
        public void Unreadable(string? jsonPath) => _calls.Unreadable(jsonPath);

        /// <summary>
        /// Ends a part: completes the call unless the part said <c>willContinue: true</c>. Null while the call goes on,
        /// and for a part that carries nothing (an empty functionCall with no call open).
        /// <paramref name="ordinal"/> (the calls completed so far) makes the id of a call that has none.
        /// </summary>
        public global::Microsoft.Extensions.AI.FunctionCallContent? EndPart(bool willContinue, int ordinal) => Content(_calls.EndPart(willContinue), ordinal);

        /// <summary>At the end of the stream: the call still open (the stream ended without completing it), or null.</summary>
        public global::Microsoft.Extensions.AI.FunctionCallContent? Flush(int ordinal) => Content(_calls.Flush(), ordinal);

        private static global::Microsoft.Extensions.AI.FunctionCallContent? Content(global::Foundry.Generated.Runtime.AssembledCall? call, int ordinal)
        {
            if (call is null)
            {
                return null;
            }

            var name = call.Name ?? string.Empty;
            // Gemini ids are optional; the name is kept in the call id so the result can be matched back.
            var callId = call.CallId ?? name + "#" + ordinal;
            var content = FoundryChatMapping.FunctionCall(callId, name, call.Arguments is { } root ? root.ToJsonString() : call.ArgumentsJson);
            if (call.Error is { } error)
            {
                content.Exception = new global::System.FormatException($"The streamed arguments of '{name}' could not be assembled: {error}");
            }

            return content;
        }
    }
}
