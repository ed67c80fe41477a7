using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>
/// OpenAI (and xAI) Responses: the <c>response</c> of <c>response.created</c> is the start; output items, content
/// parts and reasoning summary parts are placed at their indexes as they are added; text, refusal, argument, code and
/// reasoning pieces are joined; a <c>.done</c> event's whole value replaces what the pieces built; and the terminal
/// event's <c>response</c> (<c>response.completed</c> / <c>incomplete</c> / <c>failed</c>) is the provider's own
/// final word, taken whole. Status-only events of tool calls (<c>…searching</c>, <c>…in_progress</c>) add nothing
/// the item's <c>done</c> does not carry.
/// </summary>
internal sealed class ResponsesAccumulator : StreamAccumulator
{
    private JsonObject _response = new() { ["object"] = "response" };
    // A delta event that repeats the one before but for its sequence number, piece and padding (same type, item and
    // indexes; see RememberRepeatable) goes to the member the event before filled.
    private readonly RepeatedPieceEvent _repeated = new(cutSequenceNumber: true);

    public ResponsesAccumulator(List<JsonElement> unknown)
        : base(unknown)
    {
    }

    protected override bool Add(ReadOnlySpan<byte> data)
    {
        if (_repeated.TryAppend(data, Text, Pieces))
        {
            return true;
        }

        _repeated.Forget();
        var delta = DeltaEvent.Read(data, "delta"u8, Pieces, KnownTypes);
        var type = delta.Type;
        if (type is null)
        {
            return false;
        }

        if (!delta.HasOther && delta.HasDelta && Piece(type) is { } piece)
        {
            var (owner, member) = piece;
            var target = Target(owner, delta);
            Text.Append(target, member, delta.Delta);
            RememberRepeatable(data, target, member);
            return true;
        }

        return AddWhole(type, ParseObject(data));
    }

    private static ReadOnlySpan<byte> DeltaName => "\"delta\":\""u8;

    // Remembers a delta event that holds nothing else with data (no object but the root, no array but an empty one), so
    // a repeat of it changes nothing the full way would but its piece.
    private void RememberRepeatable(ReadOnlySpan<byte> data, JsonObject target, string member)
    {
        if (!RawJsonStrings.TryFind(data, DeltaName, out var quote, out var end) || !_repeated.Remember(data, quote, end, target, member) || !HoldsNoData(_repeated.FixedBytes))
        {
            _repeated.Forget();
        }
    }

    // The root object only, and no array but an empty one (a brace or bracket inside a string only makes an event miss
    // the shape, never match it wrongly).
    private static bool HoldsNoData(ReadOnlySpan<byte> frame)
    {
        if (frame.Count((byte)'{') != 1)
        {
            return false;
        }

        for (var i = frame.IndexOf((byte)'['); i >= 0; i = frame[(i + 1)..].IndexOf((byte)'[') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (i + 1 >= frame.Length || frame[i + 1] != ']')
            {
                return false;
            }
        }

        return true;
    }

    // The frequent event types, matched without a string per event.
    private static readonly KnownNames KnownTypes = new("response.output_text.delta", "response.reasoning_summary_text.delta", "response.function_call_arguments.delta",
        "response.reasoning_text.delta", "response.refusal.delta", "response.code_interpreter_call_code.delta",
        "response.custom_tool_call_input.delta", "response.mcp_call_arguments.delta", "response.apply_patch_call_operation_diff.delta");

    // Where a delta event's piece goes: which object (item, content part, summary part) and which member.
    private static (Owner Owner, string Member)? Piece(string type) => type switch
    {
        "response.output_text.delta" => (Owner.Content, "text"),
        "response.refusal.delta" => (Owner.Content, "refusal"),
        "response.reasoning_text.delta" => (Owner.Content, "text"),
        "response.reasoning_summary_text.delta" => (Owner.Summary, "text"),
        "response.function_call_arguments.delta" => (Owner.Item, "arguments"),
        "response.mcp_call_arguments.delta" => (Owner.Item, "arguments"),
        "response.custom_tool_call_input.delta" => (Owner.Item, "input"),
        "response.code_interpreter_call_code.delta" => (Owner.Item, "code"),
        "response.apply_patch_call_operation_diff.delta" => (Owner.Operation, "diff"),
        _ => null,
    };

    // The whole value a .done event carries, and the member it replaces.
    private static (Owner Owner, string Member, string Field)? Done(string type) => type switch
    {
        "response.output_text.done" => (Owner.Content, "text", "text"),
        "response.refusal.done" => (Owner.Content, "refusal", "refusal"),
        "response.reasoning_text.done" => (Owner.Content, "text", "text"),
        "response.reasoning_summary_text.done" => (Owner.Summary, "text", "text"),
        "response.function_call_arguments.done" => (Owner.Item, "arguments", "arguments"),
        "response.mcp_call_arguments.done" => (Owner.Item, "arguments", "arguments"),
        "response.custom_tool_call_input.done" => (Owner.Item, "input", "input"),
        "response.code_interpreter_call_code.done" => (Owner.Item, "code", "code"),
        "response.apply_patch_call_operation_diff.done" => (Owner.Operation, "diff", "diff"),
        _ => null,
    };

    private enum Owner
    {
        Item,
        Content,
        Summary,
        /// <summary>An apply_patch call's <c>operation</c>.</summary>
        Operation,
    }

    private JsonObject Target(Owner owner, in DeltaEvent at) => Target(owner, at.OutputIndex, at.ContentIndex, at.SummaryIndex);

    private JsonObject Target(Owner owner, int output, int content, int summary)
    {
        var item = At(ArrayOf(_response, "output"), output);
        return owner switch
        {
            Owner.Content => At(ArrayOf(item, "content"), content),
            Owner.Summary => At(ArrayOf(item, "summary"), summary),
            Owner.Operation => ObjectOf(item, "operation"),
            _ => item,
        };
    }

    private bool AddWhole(string type, JsonObject e)
    {
        var output = Int(e, "output_index");
        switch (type)
        {
            case "response.created" or "response.in_progress" or "response.queued":
                Start(e);
                return true;
            case "response.completed" or "response.incomplete" or "response.failed":
                // The provider's final word, whole: it replaces what the events built.
                if (Take(e, "response") is JsonObject final)
                {
                    Text.Clear();
                    _response = final;
                    return true;
                }

                return false;
            case "response.output_item.added" or "response.output_item.done":
                Text.Flush();
                Put(ArrayOf(_response, "output"), output, Take(e, "item"));
                return true;
            case "response.content_part.added" or "response.content_part.done":
                Text.Flush();
                Put(ArrayOf(Target(Owner.Item, output, 0, 0), "content"), Int(e, "content_index"), Take(e, "part"));
                return true;
            case "response.reasoning_summary_part.added" or "response.reasoning_summary_part.done":
                Text.Flush();
                Put(ArrayOf(Target(Owner.Item, output, 0, 0), "summary"), Int(e, "summary_index"), Take(e, "part"));
                return true;
            case "response.output_text.annotation.added":
                ArrayOf(Target(Owner.Content, output, Int(e, "content_index"), 0), "annotations").Add(Take(e, "annotation"));
                return true;
            case "response.output_text.delta":
                // A piece with logprobs: the text as any piece, the logprobs appended to the part's.
                var part = Target(Owner.Content, output, Int(e, "content_index"), 0);
                Text.Append(part, "text", String(e, "delta"));
                if (Take(e, "logprobs") is JsonArray logprobs)
                {
                    var all = ArrayOf(part, "logprobs");
                    MoveAll(logprobs, all);
                }

                return true;
        }

        if (Done(type) is { } done)
        {
            var owner = Target(done.Owner, output, Int(e, "content_index"), Int(e, "summary_index"));
            Text.Set(owner, done.Member, String(e, done.Field));
            if (type == "response.output_text.done" && Take(e, "logprobs") is JsonArray { Count: > 0 } logprobs)
            {
                owner["logprobs"] = logprobs;
            }

            return true;
        }

        if (Piece(type) is { } piece)
        {
            Text.Append(Target(piece.Owner, output, Int(e, "content_index"), Int(e, "summary_index")), piece.Member, String(e, "delta"));
            return true;
        }

        // Progress of a tool call or an image (searching, interpreting, a partial image): its item's done carries the result.
        return IsProgress(type);
    }

    // response.created and the status events carry the response so far; output placed by earlier events stays.
    private void Start(JsonObject e)
    {
        if (Take(e, "response") is not JsonObject response)
        {
            return;
        }

        if (response["output"] is JsonArray { Count: 0 } && _response["output"] is JsonArray { Count: > 0 } kept)
        {
            _response.Remove("output");
            response["output"] = kept;
        }

        _response = response;
    }

    private static bool IsProgress(string type)
        => type.StartsWith("response.", StringComparison.Ordinal)
           && (type.Contains("_call.", StringComparison.Ordinal) || type.StartsWith("response.mcp_list_tools.", StringComparison.Ordinal))
           && (type.EndsWith(".in_progress", StringComparison.Ordinal) || type.EndsWith(".searching", StringComparison.Ordinal)
               || type.EndsWith(".completed", StringComparison.Ordinal) || type.EndsWith(".interpreting", StringComparison.Ordinal)
               || type.EndsWith(".generating", StringComparison.Ordinal) || type.EndsWith(".failed", StringComparison.Ordinal)
               || type.EndsWith(".partial_image", StringComparison.Ordinal));

    protected override JsonNode Build() => _response;
}
