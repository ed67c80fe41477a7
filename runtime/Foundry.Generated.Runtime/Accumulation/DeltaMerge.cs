using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Merges a delta object into what earlier deltas built, the way chat-completion deltas combine: a string is a piece
/// appended to the member's text (except identity members — <c>id</c>, <c>type</c>, <c>role</c>, <c>name</c>,
/// <c>index</c> — which providers repeat, so the last non-empty value stands), an object merges into the object, an
/// array element with an <c>index</c> merges into the element with that index (tool calls) and any other element is
/// appended (annotations, logprobs), and a number, boolean or first null is set. Reads straight from the event's
/// bytes; only array elements become nodes.
/// </summary>
internal sealed class DeltaMerge
{
    private readonly TextSlots _text;
    private readonly PieceReader _pieces;

    public DeltaMerge(TextSlots text, PieceReader pieces)
    {
        _text = text;
        _pieces = pieces;
    }

    /// <summary>Merges the object the reader is on (its <c>StartObject</c>) into <paramref name="target"/>.</summary>
    public void MergeObject(JsonObject target, ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader);
            reader.Read();
            MergeValue(target, name, ref reader);
        }
    }

    /// <summary>Merges the value the reader is on into member <paramref name="name"/> of <paramref name="target"/>.</summary>
    public void MergeValue(JsonObject target, string name, ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (IsIdentity(name))
                {
                    if (reader.ValueSpan.Length > 0 && !(target[name] is JsonValue old && old.TryGetValue<string>(out var same) && reader.ValueTextEquals(same)))
                    {
                        target[name] = reader.GetString();
                    }
                    else if (!target.ContainsKey(name))
                    {
                        target[name] = string.Empty;
                    }
                }
                else
                {
                    _text.Append(target, name, _pieces.Chars(ref reader));
                }

                break;
            case JsonTokenType.Null:
                if (!target.ContainsKey(name))
                {
                    target[name] = null;
                }

                break;
            case JsonTokenType.StartObject:
                var child = target[name] as JsonObject;
                if (child is null)
                {
                    child = new JsonObject();
                    target[name] = child;
                }

                MergeObject(child, ref reader);
                break;
            case JsonTokenType.StartArray:
                var array = target[name] as JsonArray;
                if (array is null)
                {
                    array = new JsonArray();
                    target[name] = array;
                }

                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    MergeElement(array, JsonNode.Parse(ref reader));
                }

                break;
            default:
                target[name] = JsonNode.Parse(ref reader);
                break;
        }
    }

    /// <summary>Merges node <paramref name="delta"/> (detached) into <paramref name="target"/>, by the same rules.</summary>
    public void MergeNode(JsonObject target, JsonObject delta)
    {
        foreach (var (name, value) in Detach(delta))
        {
            switch (value)
            {
                case JsonValue v when v.TryGetValue<string>(out var s):
                    if (IsIdentity(name))
                    {
                        if (s.Length > 0 || !target.ContainsKey(name))
                        {
                            target[name] = s;
                        }
                    }
                    else
                    {
                        _text.Append(target, name, s);
                    }

                    break;
                case null:
                    if (!target.ContainsKey(name))
                    {
                        target[name] = null;
                    }

                    break;
                case JsonObject o when target[name] is JsonObject into:
                    MergeNode(into, o);
                    break;
                case JsonArray a when target[name] is JsonArray into:
                    foreach (var element in Detach(a))
                    {
                        MergeElement(into, element);
                    }

                    break;
                default:
                    target[name] = value;
                    break;
            }
        }
    }

    private void MergeElement(JsonArray array, JsonNode? element)
    {
        if (element is JsonObject o && o["index"] is JsonValue index && index.TryGetValue<int>(out var i))
        {
            foreach (var existing in array)
            {
                if (existing is JsonObject e && e["index"] is JsonValue at && at.TryGetValue<int>(out var j) && i == j)
                {
                    MergeNode(e, o);
                    return;
                }
            }

            // A new element: a copy of its own so later pieces join in the builders.
            var fresh = new JsonObject();
            array.Add((JsonNode)fresh);
            MergeNode(fresh, o);
            return;
        }

        array.Add(element);
    }

    private static (string Name, JsonNode? Value)[] Detach(JsonObject o)
    {
        var members = new (string, JsonNode?)[o.Count];
        var n = 0;
        foreach (var (name, value) in o)
        {
            members[n++] = (name, value);
        }

        o.Clear();
        return members;
    }

    private static JsonNode?[] Detach(JsonArray a)
    {
        var elements = new JsonNode?[a.Count];
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = a[i];
        }

        a.Clear();
        return elements;
    }

    /// <summary>Members whose repeated value is the same thing again, not another piece.</summary>
    public static bool IsIdentity(string name)
        => name is "id" or "type" or "role" or "name" or "index" or "object" or "model" or "finish_reason" or "call_id" or "tool_call_id" or "expires_at";

    // The member names deltas use, without a new string per event.
    private static string Name(ref Utf8JsonReader reader) => Known.Match(ref reader);

    private static readonly KnownNames Known = new("content", "role", "refusal", "tool_calls", "index", "id", "type", "function", "name", "arguments",
        "reasoning_content", "reasoning", "audio", "annotations", "data", "transcript", "logprobs", "token", "bytes", "top_logprobs");
}
