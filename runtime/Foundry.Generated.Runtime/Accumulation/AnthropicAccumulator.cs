using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Anthropic Messages: <c>message_start</c>'s message is the start; <c>content_block_start</c> places a block at its
/// index; <c>content_block_delta</c> joins text, thinking and compaction pieces, keeps the last signature, appends
/// citations, and gathers a tool input's JSON pieces, parsed into <c>input</c> at <c>content_block_stop</c> (kept as
/// text in <c>partial_json</c> when they are not JSON; for a stream cut inside the block, the input stays as it started); <c>message_delta</c> sets every member of its <c>delta</c>
/// (stop reason, stop sequence, stop details, container, …), every non-null <c>usage</c> member and its other members
/// (<c>context_management</c>) on the message. Pings and <c>message_stop</c> add nothing.
/// </summary>
internal sealed class AnthropicAccumulator : StreamAccumulator
{
    private JsonObject _message = new() { ["type"] = "message", ["role"] = "assistant", ["content"] = new JsonArray() };
    private readonly Dictionary<int, StringBuilder> _inputs = new();

    public AnthropicAccumulator(List<JsonElement> unknown)
        : base(unknown)
    {
    }

    protected override bool Add(ReadOnlySpan<byte> data)
    {
        if (TryPiece(data))
        {
            return true;
        }

        var e = ParseObject(data);
        switch (String(e, "type"))
        {
            case "message_start":
                if (Take(e, "message") is not JsonObject message)
                {
                    return false;
                }

                if (message["content"] is not JsonArray)
                {
                    message["content"] = new JsonArray();
                }

                _message = message;
                return true;
            case "content_block_start":
                Put(Content, Int(e, "index"), Take(e, "content_block"));
                return true;
            case "content_block_delta":
                return Delta(Int(e, "index"), e["delta"] as JsonObject);
            case "content_block_stop":
                Stop(Int(e, "index"));
                return true;
            case "message_delta":
                if (Take(e, "delta") is JsonObject delta)
                {
                    foreach (var (name, value) in Members(delta))
                    {
                        _message[name] = value;
                    }
                }

                if (Take(e, "usage") is JsonObject usage)
                {
                    var into = ObjectOf(_message, "usage");
                    foreach (var (name, value) in Members(usage))
                    {
                        if (value is not null)
                        {
                            into[name] = value;
                        }
                    }
                }

                e.Remove("type");
                foreach (var (name, value) in Members(e))
                {
                    _message[name] = value;
                }

                return true;
            case "message_stop" or "ping":
                return true;
            default:
                return false;
        }
    }

    private JsonArray Content => ArrayOf(_message, "content");

    // The frequent text, thinking and input pieces, read without a tree: {"type":"content_block_delta","index":n,"delta":{"type":…,"text":…}}.
    private bool TryPiece(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        reader.Read();
        if (!reader.Read() || !reader.ValueTextEquals("type"u8) || !reader.Read() || !reader.ValueTextEquals("content_block_delta"u8)
            || !reader.Read() || !reader.ValueTextEquals("index"u8) || !reader.Read() || !reader.TryGetInt32(out var index)
            || !reader.Read() || !reader.ValueTextEquals("delta"u8) || !reader.Read() || reader.TokenType != JsonTokenType.StartObject
            || !reader.Read() || !reader.ValueTextEquals("type"u8) || !reader.Read())
        {
            return false;
        }

        var member = reader.ValueTextEquals("text_delta"u8) ? "text"
            : reader.ValueTextEquals("thinking_delta"u8) ? "thinking"
            : reader.ValueTextEquals("input_json_delta"u8) ? "partial_json"
            : null;
        if (member is null || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(member)
            || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var piece = Pieces.Chars(ref reader);
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject || !reader.Read() || reader.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        if (member == "partial_json")
        {
            Input(index).Append(piece);
        }
        else
        {
            Text.Append(At(Content, index), member, piece);
        }

        return true;
    }

    private bool Delta(int index, JsonObject? delta)
    {
        if (delta is null)
        {
            return false;
        }

        var block = At(Content, index);
        switch (String(delta, "type"))
        {
            case "text_delta":
                Text.Append(block, "text", String(delta, "text"));
                return true;
            case "thinking_delta":
                Text.Append(block, "thinking", String(delta, "thinking"));
                return true;
            case "compaction_delta":
                Text.Append(block, "content", String(delta, "content"));
                return true;
            case "signature_delta":
                block["signature"] = String(delta, "signature");
                return true;
            case "input_json_delta":
                Input(index).Append(String(delta, "partial_json"));
                return true;
            case "citations_delta":
                ArrayOf(block, "citations").Add(Take(delta, "citation"));
                return true;
            default:
                return false;
        }
    }

    private StringBuilder Input(int index)
    {
        if (!_inputs.TryGetValue(index, out var json))
        {
            json = new StringBuilder();
            _inputs[index] = json;
        }

        return json;
    }

    // A block's input pieces make its input once the block ends; none (or only whitespace) leave the start's input.
    // Pieces that do not make JSON (the model wrote invalid arguments) are kept as they came in the block's
    // `partial_json`, beside the start's input: the SDKs raise there and lose the message.
    private void Stop(int index)
    {
        if (!_inputs.Remove(index, out var pieces) || pieces.ToString() is not { } json || string.IsNullOrWhiteSpace(json))
        {
            return;
        }

        var block = At(Content, index);
        try
        {
            block["input"] = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            block["partial_json"] = json;
        }
    }

    private static List<(string Name, JsonNode? Value)> Members(JsonObject o)
    {
        var members = new List<(string, JsonNode?)>();
        foreach (var (name, value) in o)
        {
            members.Add((name, value));
        }

        o.Clear();
        return members;
    }

    protected override JsonNode Build() => _message;
}
