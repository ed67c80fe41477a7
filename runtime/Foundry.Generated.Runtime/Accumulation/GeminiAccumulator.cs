using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Gemini generateContent: every chunk is a whole <c>GenerateContentResponse</c>, so candidates are merged by their
/// <c>index</c>: the parts of all chunks follow each other in one <c>content</c> (as google-genai's chat history keeps
/// them, one content per chunk), with adjacent text parts of the same kind (answer or thought) joined into one and a
/// thought signature kept on the part it came with (a text part carrying one is not joined to another that has one);
/// function calls whose arguments stream as Vertex AI <c>partialArgs</c> become one call with whole <c>args</c>
/// (<see cref="PartialArgsAssembler"/>), keeping the signature of the part that opened them. Other candidate and
/// response members (finish reason, safety ratings, grounding, usage metadata, model version, response id) take their
/// last non-null value (<see cref="LastValues"/>: kept raw, parsed once at the end); citations are appended. Chunks are
/// read with <see cref="Utf8JsonReader"/>; only parts that are not plain text become trees.
/// </summary>
internal sealed class GeminiAccumulator : StreamAccumulator
{
    private readonly LastValues _response = new();
    private readonly SortedDictionary<int, Candidate> _candidates = new();

    public GeminiAccumulator(List<JsonElement> unknown)
        : base(unknown)
    {
    }

    protected override bool Add(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("candidates"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    Merge(ref reader, data);
                }
            }
            else
            {
                var name = Members.Match(ref reader);
                reader.Read();
                _response.Keep(name, ref reader, data);
            }
        }

        return true;
    }

    private static readonly KnownNames Members = new("usageMetadata", "modelVersion", "responseId", "createTime", "promptFeedback", "content", "role", "parts",
        "finishReason", "safetyRatings", "groundingMetadata", "avgLogprobs", "citationMetadata", "text");

    // One candidate of a chunk (the reader on its start): its index first (often its last member), then its members.
    private void Merge(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
    {
        var index = IndexOf(reader);
        if (!_candidates.TryGetValue(index, out var candidate))
        {
            candidate = new Candidate();
            _candidates[index] = candidate;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    Content(candidate, ref reader, data);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("citationMetadata"u8))
            {
                reader.Read();
                if (JsonNode.Parse(ref reader) is JsonObject citations)
                {
                    if (candidate.Citations?["citations"] is JsonArray all && citations["citations"] is JsonArray more)
                    {
                        MoveAll(more, all);
                    }
                    else
                    {
                        candidate.Citations = citations;
                    }
                }
            }
            else if (reader.ValueTextEquals("index"u8))
            {
                reader.Read();
            }
            else
            {
                var name = Members.Match(ref reader);
                reader.Read();
                candidate.Members.Keep(name, ref reader, data);
            }
        }
    }

    private static int IndexOf(Utf8JsonReader candidate)
    {
        while (candidate.Read() && candidate.TokenType == JsonTokenType.PropertyName)
        {
            var isIndex = candidate.ValueTextEquals("index"u8);
            candidate.Read();
            if (isIndex)
            {
                return candidate.TryGetInt32(out var i) ? i : 0;
            }

            candidate.Skip();
        }

        return 0;
    }

    private void Content(Candidate candidate, ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("parts"u8))
            {
                var name = Members.Match(ref reader);
                reader.Read();
                candidate.Content.Keep(name, ref reader, data);
                continue;
            }

            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                if (!TryText(candidate, ref reader) && JsonNode.Parse(ref reader) is JsonObject part)
                {
                    Part(candidate, part);
                }
            }
        }
    }

    // A part that is only {"text": "…"}, joined to a text part before it without a tree; false leaves the reader as it was.
    private bool TryText(Candidate candidate, ref Utf8JsonReader reader)
    {
        var copy = reader;
        if (!copy.Read() || !copy.ValueTextEquals("text"u8) || !copy.Read() || copy.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var text = copy;
        if (!copy.Read() || copy.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        if (candidate.Parts.Count == 0 || candidate.Parts[^1] is not JsonObject last || !IsText(last) || Thought(last))
        {
            last = new JsonObject { ["text"] = string.Empty };
            candidate.Parts.Add((JsonNode)last);
        }

        Text.Append(last, "text", Pieces.Chars(ref text));
        reader = copy;
        return true;
    }

    private void Part(Candidate candidate, JsonObject part)
    {
        if (part["functionCall"] is JsonObject call)
        {
            if (call.ContainsKey("partialArgs") || call.ContainsKey("willContinue") || call.Count == 0 || candidate.Calls.IsOpen)
            {
                StreamedCall(candidate, part, call);
                return;
            }
        }
        else if (IsText(part) && candidate.Parts.Count > 0 && candidate.Parts[^1] is JsonObject last && IsText(last)
                 && Thought(last) == Thought(part) && !(last.ContainsKey("thoughtSignature") && part.ContainsKey("thoughtSignature")))
        {
            Text.Append(last, "text", String(part, "text"));
            if (Take(part, "thoughtSignature") is { } signature)
            {
                last["thoughtSignature"] = signature;
            }

            return;
        }

        candidate.Parts.Add((JsonNode)part);
    }

    // A call spread over parts: the first opens it (its other members, e.g. the thought signature, stay with it), pieces add to it.
    private static void StreamedCall(Candidate candidate, JsonObject part, JsonObject call)
    {
        var opening = !candidate.Calls.IsOpen;
        if (candidate.Calls.Part(String(call, "id"), String(call, "name"), call["args"]?.ToJsonString()) is { } interrupted)
        {
            candidate.Parts.Add((JsonNode)CallPart(interrupted, candidate.OpenExtras));
            opening = true;
        }

        part.Remove("functionCall");
        if (opening)
        {
            candidate.OpenExtras = part;
        }

        if (call["partialArgs"] is JsonArray pieces)
        {
            foreach (var node in pieces)
            {
                if (node is not JsonObject piece)
                {
                    continue;
                }

                var path = String(piece, "jsonPath");
                if (piece["stringValue"] is JsonValue s && s.TryGetValue<string>(out var text))
                {
                    candidate.Calls.String(path, text);
                }
                else if (piece["numberValue"] is JsonValue n && n.GetValueKind() == JsonValueKind.Number)
                {
                    candidate.Calls.Number(path, n.DeepClone());
                }
                else if (piece["boolValue"] is JsonValue b && b.TryGetValue<bool>(out var flag))
                {
                    candidate.Calls.Boolean(path, flag);
                }
                else if (piece.ContainsKey("nullValue"))
                {
                    candidate.Calls.Null(path);
                }
                else
                {
                    candidate.Calls.Unreadable(path);
                }
            }
        }

        var willContinue = call["willContinue"] is JsonValue w && w.TryGetValue<bool>(out var more) && more;
        if (candidate.Calls.EndPart(willContinue) is { } done)
        {
            candidate.Parts.Add((JsonNode)CallPart(done, candidate.OpenExtras));
            candidate.OpenExtras = null;
        }
    }

    // The part of a whole call: functionCall {id, name, args} and the opening part's other members.
    private static JsonObject CallPart(AssembledCall call, JsonObject? extras)
    {
        var functionCall = new JsonObject();
        if (call.CallId is { } id)
        {
            functionCall["id"] = id;
        }

        functionCall["name"] = call.Name ?? string.Empty;
        functionCall["args"] = call.Arguments?.DeepClone() ?? Parse(call.ArgumentsJson) ?? new JsonObject();
        var part = new JsonObject { ["functionCall"] = functionCall };
        if (extras is not null)
        {
            foreach (var (name, value) in extras)
            {
                part[name] = value?.DeepClone();
            }
        }

        return part;
    }

    private static JsonNode? Parse(string? json)
    {
        try
        {
            return json is null ? null : JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }

    private static bool IsText(JsonObject part)
    {
        if (part["text"] is not JsonValue text || !text.TryGetValue<string>(out _))
        {
            return false;
        }

        foreach (var (name, _) in part)
        {
            if (name is not ("text" or "thought" or "thoughtSignature"))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Thought(JsonObject part) => part["thought"] is JsonValue v && v.TryGetValue<bool>(out var t) && t;

    protected override JsonNode Build()
    {
        var result = new JsonObject();
        var candidates = new JsonArray();
        foreach (var (index, candidate) in _candidates)
        {
            var parts = (JsonArray)candidate.Parts.DeepClone();
            if (candidate.Calls.Open is { } open)
            {
                // A stream cut inside a call: the call as far as it came.
                parts.Add((JsonNode)CallPart(open, candidate.OpenExtras));
            }

            var content = new JsonObject { ["parts"] = parts };
            candidate.Content.WriteTo(content);
            var whole = new JsonObject { ["content"] = content };
            candidate.Members.WriteTo(whole);
            if (candidate.Citations is { } citations)
            {
                whole["citationMetadata"] = citations.DeepClone();
            }

            whole["index"] = index;
            candidates.Add((JsonNode)whole);
        }

        result["candidates"] = candidates;
        _response.WriteTo(result);
        return result;
    }

    private sealed class Candidate
    {
        public readonly LastValues Content = new();
        public readonly JsonArray Parts = new();
        public readonly LastValues Members = new();
        public JsonObject? Citations;
        public readonly PartialArgsAssembler Calls = new();
        public JsonObject? OpenExtras;
    }
}
