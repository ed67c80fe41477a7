using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>
/// OpenAI-compatible chat completions (OpenAI, xAI and other servers of the shape): each choice's deltas merge into its
/// <c>message</c> (<see cref="DeltaMerge"/>: content, refusal, reasoning and audio pieces joined, tool calls merged by
/// their <c>index</c> with the argument pieces joined, annotations appended), <c>logprobs</c> entries are appended,
/// the last <c>finish_reason</c> stands, and the chunk-level members (<c>id</c>, <c>model</c>, <c>created</c>,
/// <c>usage</c>, …) take their last non-null value (not <c>obfuscation</c>, each chunk's random padding). A chunk without <c>choices</c> (usage only, or the extra chunks of
/// audio streams) is no error. The result has the non-streaming shape: <c>object: chat.completion</c>, tool calls
/// without their stream <c>index</c>.
/// </summary>
internal sealed class ChatCompletionsAccumulator : StreamAccumulator
{
    private readonly JsonObject _chunk = new();
    private readonly SortedDictionary<int, JsonObject> _choices = new();
    private readonly DeltaMerge _merge;
    // A chunk that repeats the one before but for its delta.content piece and padding goes to the same message. A chunk
    // member that changes (a sequence number some servers might add) must take the full merge: its last value stands.
    private readonly RepeatedPieceEvent _repeated = new(cutSequenceNumber: false);

    // The message of the choice the current chunk merged into (the last one, with several).
    private JsonObject? _chunkMessage;

    // The UTF-8 bytes of the last string value of each repeated member (per chunk or choice object).
    private readonly Dictionary<(JsonObject, string), byte[]> _lastStrings = new();

    public ChatCompletionsAccumulator(List<JsonElement> unknown)
        : base(unknown)
        => _merge = new DeltaMerge(Text, Pieces);

    protected override bool Add(ReadOnlySpan<byte> data)
    {
        if (_repeated.TryAppend(data, Text, Pieces))
        {
            return true;
        }

        _repeated.Forget();
        _chunkMessage = null;
        var reader = new Utf8JsonReader(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("choices"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        Choice(ref reader);
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("object"u8) || reader.ValueTextEquals("obfuscation"u8))
            {
                // The object is chat.completion.chunk; obfuscation is random padding of each chunk, not the answer's.
                reader.Read();
                reader.Skip();
            }
            else
            {
                var name = ChunkMembers.Match(ref reader);
                reader.Read();
                Last(_chunk, name, ref reader);
            }
        }

        if (_chunkMessage is not null && ContentPiece(data, out var quote, out var end))
        {
            _repeated.Remember(data, quote, end, _chunkMessage, "content");
        }

        return true;
    }

    private static ReadOnlySpan<byte> ContentStart => "\"delta\":{\"content\":\""u8;

    // The repeatable chunk: its piece is the JSON string at [quote, end) (quotes included); before it only the root, the
    // choices array, one choice and the delta open; after it the delta closes at once and nothing opens. Such a chunk
    // holds nothing but members whose last value stands, so a repeat of it changes nothing but the piece. A brace or
    // bracket inside a string only makes a chunk miss the shape (and take the full merge), never match it wrongly.
    private static bool ContentPiece(ReadOnlySpan<byte> data, out int quote, out int end)
    {
        if (!RawJsonStrings.TryFind(data, ContentStart, out quote, out end) || end >= data.Length || data[end] != '}')
        {
            return false;
        }

        var prefix = data[..quote];
        return prefix.Count((byte)'{') == 3 && prefix.Count((byte)'[') == 1 && data[end..].IndexOfAny((byte)'{', (byte)'[') < 0;
    }

    // One choice of a chunk: its index first (usually the first member; else the choice is read whole).
    private void Choice(ref Utf8JsonReader reader)
    {
        var copy = reader;
        var index = 0;
        copy.Read();
        if (copy.TokenType == JsonTokenType.PropertyName && copy.ValueTextEquals("index"u8))
        {
            copy.Read();
            index = copy.TryGetInt32(out var i) ? i : 0;
        }
        else
        {
            var whole = reader;
            var node = JsonNode.Parse(ref whole) as JsonObject;
            index = node?["index"] is JsonValue v && v.TryGetValue<int>(out var j) ? j : 0;
        }

        if (!_choices.TryGetValue(index, out var choice))
        {
            choice = new JsonObject { ["index"] = index, ["message"] = new JsonObject() };
            _choices[index] = choice;
        }

        _chunkMessage = (JsonObject)choice["message"]!;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("delta"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    _merge.MergeObject((JsonObject)choice["message"]!, ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("logprobs"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    var logprobs = choice["logprobs"] as JsonObject;
                    if (logprobs is null)
                    {
                        logprobs = new JsonObject();
                        choice["logprobs"] = logprobs;
                    }

                    _merge.MergeObject(logprobs, ref reader);
                }
                else if (!choice.ContainsKey("logprobs"))
                {
                    choice["logprobs"] = JsonNode.Parse(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("index"u8))
            {
                reader.Read();
            }
            else
            {
                var name = ChunkMembers.Match(ref reader);
                reader.Read();
                Last(choice, name, ref reader);
            }
        }
    }

    // The last non-null value stands (a null never erases one).
    private void Last(JsonObject target, string name, ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            if (!target.ContainsKey(name))
            {
                target[name] = null;
            }

            return;
        }

        // Members that repeat on every chunk (id, model, created, a null finish) are read again only when they change.
        switch (reader.TokenType)
        {
            case JsonTokenType.String when !reader.ValueIsEscaped && _lastStrings.TryGetValue((target, name), out var same) && reader.ValueSpan.SequenceEqual(same):
                return;
            case JsonTokenType.String:
                target[name] = reader.GetString();
                if (!reader.ValueIsEscaped)
                {
                    // Compared as bytes on the next chunk: no string built, nothing transcoded.
                    _lastStrings[(target, name)] = reader.ValueSpan.ToArray();
                }

                return;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                if (!(target[name] is JsonValue was && was.TryGetValue<long>(out var before) && before == number))
                {
                    target[name] = number;
                }

                return;
            default:
                target[name] = JsonNode.Parse(ref reader);
                return;
        }
    }

    private static readonly KnownNames ChunkMembers = new("id", "created", "model", "system_fingerprint", "service_tier", "usage", "finish_reason", "native_finish_reason", "citations");

    protected override JsonNode Build()
    {
        var result = new JsonObject();
        foreach (var (name, value) in _chunk)
        {
            if (name is not "usage")
            {
                result[name] = value?.DeepClone();
            }
        }

        result["object"] = "chat.completion";
        var choices = new JsonArray();
        foreach (var choice in _choices.Values)
        {
            var whole = (JsonObject)choice.DeepClone();
            var message = (JsonObject)whole["message"]!;
            whole.Remove("message");
            if (!message.ContainsKey("role"))
            {
                message["role"] = "assistant";
            }

            Default(message, "content");
            Default(message, "refusal");
            if (message["tool_calls"] is JsonArray calls)
            {
                foreach (var call in calls)
                {
                    (call as JsonObject)?.Remove("index");
                }
            }

            var shaped = new JsonObject { ["index"] = whole["index"]?.DeepClone() };
            whole.Remove("index");
            shaped["message"] = message;
            Default(whole, "finish_reason");
            Default(whole, "logprobs");
            foreach (var (name, value) in Members(whole))
            {
                shaped[name] = value;
            }

            choices.Add((JsonNode)shaped);
        }

        result["choices"] = choices;
        if (_chunk["usage"] is { } usage)
        {
            result["usage"] = usage.DeepClone();
        }

        return result;
    }

    private static void Default(JsonObject o, string name)
    {
        if (!o.ContainsKey(name))
        {
            o[name] = null;
        }
    }

    private static List<(string, JsonNode?)> Members(JsonObject o)
    {
        var members = new List<(string, JsonNode?)>();
        foreach (var (name, value) in o)
        {
            members.Add((name, value));
        }

        o.Clear();
        return members;
    }
}
