namespace Foundry.Generated.Hosting.AI
{
    /// <summary>
    /// Gemini function calls whose arguments stream in pieces (Vertex AI <c>streamFunctionCallArguments</c>), joined into
    /// one call: a part with the name and <c>willContinue: true</c> opens the call, later parts (usually without a name)
    /// add <c>partialArgs</c> (a JSON path and one value each; string pieces at the same path are joined), and the first
    /// part without <c>willContinue: true</c> completes it. A part that is not continued and opens nothing is a whole
    /// call (complete <c>args</c>, or none), as before streamed arguments existed. Per stream; not thread-safe.
    /// </summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public sealed class FoundryPartialArgsBuffer
    {
        private Call? _open;

        /// <summary>Whether a call is open (its arguments still streaming).</summary>
        public bool IsOpen => _open is not null;

        /// <summary>
        /// Starts a functionCall part: opens a call, or continues the open one (filling in an id or name it lacks).
        /// Returns the open call when this part starts a different one (another name or id) before the open call was
        /// completed, so that call is not merged into the new one.
        /// </summary>
        public global::Microsoft.Extensions.AI.FunctionCallContent? Part(string? callId, string? name, string? argumentsJson, int ordinal)
        {
            global::Microsoft.Extensions.AI.FunctionCallContent? interrupted = null;
            if (_open is { } open && (Differs(open.Name, name) || Differs(open.CallId, callId)))
            {
                interrupted = Complete(ordinal);
            }

            var call = _open ??= new Call();
            call.CallId ??= callId;
            call.Name ??= string.IsNullOrEmpty(name) ? null : name;
            call.ArgumentsJson ??= argumentsJson;
            return interrupted;
        }

        /// <summary>A string piece at a JSON path; it is appended to a string already there.</summary>
        public void String(string? jsonPath, string value) => Set(jsonPath, global::System.Text.Json.Nodes.JsonValue.Create(value), append: true);

        public void Number(string? jsonPath, double value) => Set(jsonPath, global::System.Text.Json.Nodes.JsonValue.Create(value), append: false);

        public void Boolean(string? jsonPath, bool value) => Set(jsonPath, global::System.Text.Json.Nodes.JsonValue.Create(value), append: false);

        public void Null(string? jsonPath) => Set(jsonPath, null, append: false);

        /// <summary>A piece with no value this reads (not a string, number, boolean or null): the call fails rather than lose it.</summary>
        public void Unreadable(string? jsonPath)
        {
            var call = _open ??= new Call();
            call.Error ??= $"the piece at '{jsonPath}' has no string, number, boolean or null value";
        }

        /// <summary>
        /// Ends a part: completes the call unless the part said <c>willContinue: true</c>. Null while the call goes on,
        /// and for a part that carries nothing (an empty functionCall with no call open).
        /// <paramref name="ordinal"/> (the calls completed so far) makes the id of a call that has none.
        /// </summary>
        public global::Microsoft.Extensions.AI.FunctionCallContent? EndPart(bool willContinue, int ordinal)
            => willContinue ? null : Complete(ordinal);

        /// <summary>At the end of the stream: the call still open (the stream ended without completing it), or null.</summary>
        public global::Microsoft.Extensions.AI.FunctionCallContent? Flush(int ordinal) => Complete(ordinal);

        private static bool Differs(string? open, string? next) => !string.IsNullOrEmpty(open) && !string.IsNullOrEmpty(next) && open != next;

        private void Set(string? jsonPath, global::System.Text.Json.Nodes.JsonNode? value, bool append)
        {
            var call = _open ??= new Call();
            if (call.Error is not null)
            {
                return;
            }

            call.Root ??= Root(call.ArgumentsJson);
            call.Error = FoundryJsonPath.Set(call.Root, jsonPath, value, append);
        }

        // Complete args the call came with are kept and the pieces applied on top of them.
        private static global::System.Text.Json.Nodes.JsonObject Root(string? argumentsJson)
        {
            if (!string.IsNullOrWhiteSpace(argumentsJson))
            {
                try
                {
                    if (global::System.Text.Json.Nodes.JsonNode.Parse(argumentsJson!) is global::System.Text.Json.Nodes.JsonObject parsed)
                    {
                        return parsed;
                    }
                }
                catch (global::System.Text.Json.JsonException)
                {
                }
            }

            return new global::System.Text.Json.Nodes.JsonObject();
        }

        private global::Microsoft.Extensions.AI.FunctionCallContent? Complete(int ordinal)
        {
            var call = _open;
            _open = null;
            if (call is null || (call.Name is null && call.ArgumentsJson is null && call.Root is null && call.Error is null && call.CallId is null))
            {
                return null;
            }

            var name = call.Name ?? string.Empty;
            // Gemini ids are optional; the name is kept in the call id so the result can be matched back.
            var callId = call.CallId ?? name + "#" + ordinal;
            var content = FoundryChatMapping.FunctionCall(callId, name, call.Root is { } root ? root.ToJsonString() : call.ArgumentsJson);
            if (call.Error is { } error)
            {
                content.Exception = new global::System.FormatException($"The streamed arguments of '{name}' could not be assembled: {error}");
            }

            return content;
        }

        private sealed class Call
        {
            public string? CallId;
            public string? Name;
            public string? ArgumentsJson;
            public global::System.Text.Json.Nodes.JsonObject? Root;
            public string? Error;
        }
    }
}
