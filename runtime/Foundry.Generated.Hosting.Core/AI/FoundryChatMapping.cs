namespace Foundry.Generated.Hosting.AI
{
    /// <summary>What every IChatClient adapter shares (public for the generated adapters in other assemblies; not for hand-written code): tool arguments and results as JSON, tool-call assembly, options.</summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public static class FoundryChatMapping
    {
        public const string ProviderName = "palantir-foundry";

        /// <summary>
        /// A <c>ChatResponseFormat.ForJsonSchema</c> schema under the structured-output rules of <paramref name="route"/>
        /// (the ones the typed clients' <c>CreateAsync&lt;T&gt;</c> apply: Anthropic closes every object and refuses
        /// numeric and length constraints, recursion and dictionaries). A keyword the provider refuses is an
        /// <see cref="global::System.ArgumentException"/> naming the member, before any request.
        /// </summary>
        public static global::System.Text.Json.JsonElement ResponseSchema(global::System.Text.Json.JsonElement schema, string? schemaName, string route)
        {
            if (global::System.Text.Json.Nodes.JsonNode.Parse(schema.GetRawText()) is not global::System.Text.Json.Nodes.JsonObject root)
            {
                throw new global::System.ArgumentException("The response format's schema is not a JSON object.", nameof(schema));
            }

            var transformed = global::Foundry.Generated.Runtime.StructuredSchema.Apply(root, global::Foundry.Generated.Runtime.StructuredSchema.RulesFor(route), schemaName ?? "response");
            using var document = global::System.Text.Json.JsonDocument.Parse(transformed.ToJsonString());
            return document.RootElement.Clone();
        }

        /// <summary>A function call from its (complete) JSON arguments; unparsable arguments become the call's <c>Exception</c>, as Microsoft.Extensions.AI expects.</summary>
        public static global::Microsoft.Extensions.AI.FunctionCallContent FunctionCall(string callId, string name, string? argumentsJson)
        {
            var call = new global::Microsoft.Extensions.AI.FunctionCallContent(callId, name);
            if (string.IsNullOrWhiteSpace(argumentsJson))
            {
                call.Arguments = new global::System.Collections.Generic.Dictionary<string, object?>();
                return call;
            }

            try
            {
                using var document = global::System.Text.Json.JsonDocument.Parse(argumentsJson!);
                if (document.RootElement.ValueKind != global::System.Text.Json.JsonValueKind.Object)
                {
                    call.Exception = new global::System.FormatException($"The arguments of '{name}' are not a JSON object.");
                    return call;
                }

                var arguments = new global::System.Collections.Generic.Dictionary<string, object?>(global::System.StringComparer.Ordinal);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    arguments[property.Name] = property.Value.Clone();
                }

                call.Arguments = arguments;
            }
            catch (global::System.Text.Json.JsonException e)
            {
                call.Exception = new global::System.FormatException($"The arguments of '{name}' are not valid JSON: {e.Message}", e);
            }

            return call;
        }

        /// <summary>Arguments as a JSON object string (the wire form every provider but Anthropic and Gemini uses).</summary>
        public static string ArgumentsJson(global::System.Collections.Generic.IDictionary<string, object?>? arguments)
            => arguments is null ? "{}" : global::System.Text.Json.JsonSerializer.Serialize(arguments, global::Microsoft.Extensions.AI.AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(global::System.Collections.Generic.IDictionary<string, object?>)));

        /// <summary>Arguments as a JSON element (Anthropic <c>input</c>, Gemini <c>args</c>).</summary>
        public static global::System.Text.Json.JsonElement ArgumentsElement(global::System.Collections.Generic.IDictionary<string, object?>? arguments)
        {
            using var document = global::System.Text.Json.JsonDocument.Parse(ArgumentsJson(arguments));
            return document.RootElement.Clone();
        }

        /// <summary>A tool result as text: strings as they are, JSON as JSON, anything else serialised.</summary>
        public static string ResultText(object? result) => result switch
        {
            null => string.Empty,
            string text => text,
            global::System.Text.Json.JsonElement element => element.ValueKind == global::System.Text.Json.JsonValueKind.String ? element.GetString() ?? string.Empty : element.GetRawText(),
            _ => global::System.Text.Json.JsonSerializer.Serialize(result, global::Microsoft.Extensions.AI.AIJsonUtilities.DefaultOptions.GetTypeInfo(result.GetType())),
        };

        /// <summary>A tool result as a JSON object (Gemini's <c>functionResponse.response</c> must be one).</summary>
        public static global::System.Text.Json.JsonElement ResultObject(object? result)
        {
            if (result is global::System.Text.Json.JsonElement { ValueKind: global::System.Text.Json.JsonValueKind.Object } element)
            {
                return element;
            }

            var buffer = new global::System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("result", ResultText(result));
                writer.WriteEndObject();
            }

            using var document = global::System.Text.Json.JsonDocument.Parse(buffer.WrittenMemory);
            return document.RootElement.Clone();
        }

        /// <summary>The function tools in the options; other tool kinds are refused with a clear message rather than dropped.</summary>
        public static global::System.Collections.Generic.List<global::Microsoft.Extensions.AI.AIFunctionDeclaration> Functions(global::Microsoft.Extensions.AI.ChatOptions? options, string route)
        {
            var functions = new global::System.Collections.Generic.List<global::Microsoft.Extensions.AI.AIFunctionDeclaration>();
            if (options?.Tools is { } tools)
            {
                foreach (var tool in tools)
                {
                    functions.Add(tool as global::Microsoft.Extensions.AI.AIFunctionDeclaration
                        ?? throw new global::System.NotSupportedException($"The {route} chat client supports function tools only; '{tool.Name}' is a {tool.GetType().Name}."));
                }
            }

            return functions;
        }

        /// <summary>An image as a URL the OpenAI routes accept: a <c>data:</c> URI for inline bytes, or the image's own URL.</summary>
        public static string? ImageUrl(global::Microsoft.Extensions.AI.AIContent content) => content switch
        {
            global::Microsoft.Extensions.AI.DataContent data when IsImage(data.MediaType) => data.Uri,
            global::Microsoft.Extensions.AI.UriContent uri when IsImage(uri.MediaType) => uri.Uri.ToString(),
            _ => null,
        };

        public static bool IsImage(string? mediaType) => mediaType is not null && mediaType.StartsWith("image/", global::System.StringComparison.OrdinalIgnoreCase);

        /// <summary>Refuses content the adapter cannot send, naming it.</summary>
        public static global::System.NotSupportedException Unsupported(global::Microsoft.Extensions.AI.AIContent content, string route)
            => new global::System.NotSupportedException($"The {route} chat client cannot send {content.GetType().Name} content{(content is global::Microsoft.Extensions.AI.DataContent d ? " of type " + d.MediaType : content is global::Microsoft.Extensions.AI.UriContent u ? " of type " + u.MediaType : string.Empty)}; it sends text, images, function calls and function results.");

        public static global::Microsoft.Extensions.AI.ChatResponseUpdate Update(string? responseId, string? modelId, params global::Microsoft.Extensions.AI.AIContent[] contents)
            => new global::Microsoft.Extensions.AI.ChatResponseUpdate(global::Microsoft.Extensions.AI.ChatRole.Assistant, new global::System.Collections.Generic.List<global::Microsoft.Extensions.AI.AIContent>(contents)) { ResponseId = responseId, MessageId = responseId, ModelId = modelId };

        /// <summary>OpenAI's <c>reasoning_effort</c> value for the options (Responses and chat completions share it).</summary>
        public static string? EffortName(global::Microsoft.Extensions.AI.ReasoningOptions? reasoning) => reasoning?.Effort switch
        {
            global::Microsoft.Extensions.AI.ReasoningEffort.None => "none",
            global::Microsoft.Extensions.AI.ReasoningEffort.Low => "low",
            global::Microsoft.Extensions.AI.ReasoningEffort.Medium => "medium",
            global::Microsoft.Extensions.AI.ReasoningEffort.High => "high",
            global::Microsoft.Extensions.AI.ReasoningEffort.ExtraHigh => "xhigh",
            _ => null,
        };

        public static global::Microsoft.Extensions.AI.ChatResponseUpdate WithRaw(global::Microsoft.Extensions.AI.ChatResponseUpdate update, object raw)
        {
            update.RawRepresentation = raw;
            return update;
        }

        public static global::Microsoft.Extensions.AI.UsageDetails Usage(long input, long output, long? total = null, long? cached = null, long? reasoning = null)
            => new global::Microsoft.Extensions.AI.UsageDetails
            {
                InputTokenCount = input,
                OutputTokenCount = output,
                TotalTokenCount = total ?? input + output,
                CachedInputTokenCount = cached,
                ReasoningTokenCount = reasoning,
            };
    }

    /// <summary>Tool-call pieces collected by index (or item id) until the call is complete.</summary>
    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
    public sealed class FoundryToolCallBuffer
    {
        private readonly global::System.Collections.Generic.SortedDictionary<int, Entry> _calls = new();

        public int Count => _calls.Count;

        public void Start(int index, string? callId, string? name)
        {
            if (!_calls.TryGetValue(index, out var entry))
            {
                _calls[index] = entry = new Entry();
            }

            entry.CallId ??= callId;
            entry.Name ??= name;
        }

        /// <summary>Adds a piece of arguments to a started call; pieces for an index nothing started at (e.g. the input of
        /// a provider-side tool such as Anthropic's web search) are not a call to invoke and are dropped.</summary>
        public void Append(int index, string? argumentsPiece)
        {
            if (_calls.TryGetValue(index, out var entry))
            {
                entry.Arguments.Append(argumentsPiece);
            }
        }

        /// <summary>Removes one call and returns it complete; null when nothing was started at that index.</summary>
        public global::Microsoft.Extensions.AI.FunctionCallContent? Complete(int index, string? finalArguments = null)
        {
            if (!_calls.TryGetValue(index, out var entry))
            {
                return null;
            }

            _calls.Remove(index);
            return FoundryChatMapping.FunctionCall(entry.CallId ?? "call_" + index, entry.Name ?? string.Empty, finalArguments ?? entry.Arguments.ToString());
        }

        /// <summary>Every call still open, in index order (chat completions finish them all at once).</summary>
        public global::System.Collections.Generic.List<global::Microsoft.Extensions.AI.AIContent> CompleteAll()
        {
            var done = new global::System.Collections.Generic.List<global::Microsoft.Extensions.AI.AIContent>();
            foreach (var index in new global::System.Collections.Generic.List<int>(_calls.Keys))
            {
                done.Add(Complete(index)!);
            }

            return done;
        }

        private sealed class Entry
        {
            public string? CallId;
            public string? Name;
            public readonly global::System.Text.StringBuilder Arguments = new();
        }
    }
}
