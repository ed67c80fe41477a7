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
/// last non-null value; citations are appended.
/// </summary>
internal sealed class GeminiAccumulator : StreamAccumulator
{
    private readonly JsonObject _response = new();
    private readonly SortedDictionary<int, Candidate> _candidates = new();

    public GeminiAccumulator(List<JsonElement> unknown)
        : base(unknown)
    {
    }

    protected override bool Add(ReadOnlySpan<byte> data)
    {
        var chunk = ParseObject(data);
        foreach (var (name, value) in Detach(chunk))
        {
            if (name == "candidates" && value is JsonArray candidates)
            {
                foreach (var node in Detach(candidates))
                {
                    if (node is JsonObject candidate)
                    {
                        Merge(candidate);
                    }
                }
            }
            else if (value is not null || !_response.ContainsKey(name))
            {
                _response[name] = value;
            }
        }

        return true;
    }

    private void Merge(JsonObject delta)
    {
        var index = Int(delta, "index");
        if (!_candidates.TryGetValue(index, out var candidate))
        {
            candidate = new Candidate();
            _candidates[index] = candidate;
        }

        foreach (var (name, value) in Detach(delta))
        {
            switch (name)
            {
                case "content" when value is JsonObject content:
                    foreach (var (member, part) in Detach(content))
                    {
                        if (member == "parts" && part is JsonArray parts)
                        {
                            foreach (var p in Detach(parts))
                            {
                                if (p is JsonObject o)
                                {
                                    Part(candidate, o);
                                }
                            }
                        }
                        else if (part is not null)
                        {
                            candidate.Content[member] = part;
                        }
                    }

                    break;
                case "citationMetadata" when value is JsonObject citations && candidate.Members["citationMetadata"] is JsonObject kept
                    && citations["citations"] is JsonArray more && kept["citations"] is JsonArray all:
                    MoveAll(more, all);
                    break;
                case "index":
                    break;
                default:
                    if (value is not null || !candidate.Members.ContainsKey(name))
                    {
                        candidate.Members[name] = value;
                    }

                    break;
            }
        }
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

            var content = (JsonObject)candidate.Content.DeepClone();
            content["parts"] = parts;
            var whole = new JsonObject { ["content"] = content };
            foreach (var (name, value) in candidate.Members)
            {
                whole[name] = value?.DeepClone();
            }

            whole["index"] = index;
            candidates.Add((JsonNode)whole);
        }

        result["candidates"] = candidates;
        foreach (var (name, value) in _response)
        {
            result[name] = value?.DeepClone();
        }

        return result;
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

    private sealed class Candidate
    {
        public readonly JsonObject Content = new();
        public readonly JsonArray Parts = new();
        public readonly JsonObject Members = new();
        public readonly PartialArgsAssembler Calls = new();
        public JsonObject? OpenExtras;
    }
}
