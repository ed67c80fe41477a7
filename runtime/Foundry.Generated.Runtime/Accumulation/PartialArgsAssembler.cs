using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>One function call put together from Gemini parts: its id and name (null when none came), the arguments
/// (the pieces applied over the complete <c>args</c> it came with, or those alone) and why they could not be assembled.</summary>
internal sealed record AssembledCall(string? CallId, string? Name, JsonObject? Arguments, string? ArgumentsJson, string? Error);

/// <summary>
/// Gemini function calls whose arguments stream in pieces (Vertex AI <c>streamFunctionCallArguments</c>), joined into
/// one call: a part with the name and <c>willContinue: true</c> opens the call, later parts (usually without a name)
/// add <c>partialArgs</c> (a JSON path and one value each; string pieces at the same path are joined), and the first
/// part without <c>willContinue: true</c> completes it. A part that is not continued and opens nothing is a whole
/// call (complete <c>args</c>, or none). Used by the stream accumulator and, through <c>FoundryPartialArgsBuffer</c>,
/// by the IChatClient adapter. Per stream; not thread-safe.
/// </summary>
internal sealed class PartialArgsAssembler
{
    private Call? _open;

    /// <summary>Whether a call is open (its arguments still streaming).</summary>
    public bool IsOpen => _open is not null;

    /// <summary>The open call as it stands, left open (null when none is): what a stream cut short had of it.</summary>
    public AssembledCall? Open => _open is { } call ? new AssembledCall(call.CallId, call.Name, call.Root, call.ArgumentsJson, call.Error) : null;

    /// <summary>
    /// Starts a functionCall part: opens a call, or continues the open one (filling in an id or name it lacks).
    /// Returns the open call when this part starts a different one (another name or id) before the open call was
    /// completed, so that call is not merged into the new one.
    /// </summary>
    public AssembledCall? Part(string? callId, string? name, string? argumentsJson)
    {
        AssembledCall? interrupted = null;
        if (_open is { } open && (Differs(open.Name, name) || Differs(open.CallId, callId)))
        {
            interrupted = Complete();
        }

        var call = _open ??= new Call();
        call.CallId ??= callId;
        call.Name ??= string.IsNullOrEmpty(name) ? null : name;
        call.ArgumentsJson ??= argumentsJson;
        return interrupted;
    }

    /// <summary>A string piece at a JSON path; it is appended to a string already there.</summary>
    public void String(string? jsonPath, string value) => Set(jsonPath, JsonValue.Create(value), append: true);

    public void Number(string? jsonPath, double value) => Set(jsonPath, JsonValue.Create(value), append: false);

    /// <summary>A number piece kept as it was written (no round trip through <see cref="double"/>).</summary>
    public void Number(string? jsonPath, JsonNode value) => Set(jsonPath, value, append: false);

    public void Boolean(string? jsonPath, bool value) => Set(jsonPath, JsonValue.Create(value), append: false);

    public void Null(string? jsonPath) => Set(jsonPath, null, append: false);

    /// <summary>A piece with no value this reads (not a string, number, boolean or null): the call fails rather than lose it.</summary>
    public void Unreadable(string? jsonPath)
    {
        var call = _open ??= new Call();
        call.Error ??= $"the piece at '{jsonPath}' has no string, number, boolean or null value";
    }

    /// <summary>Ends a part: completes the call unless the part said <c>willContinue: true</c>. Null while the call goes
    /// on, and for a part that carries nothing (an empty functionCall with no call open).</summary>
    public AssembledCall? EndPart(bool willContinue) => willContinue ? null : Complete();

    /// <summary>At the end of the stream: the call still open (the stream ended without completing it), or null.</summary>
    public AssembledCall? Flush() => Complete();

    private static bool Differs(string? open, string? next) => !string.IsNullOrEmpty(open) && !string.IsNullOrEmpty(next) && open != next;

    private void Set(string? jsonPath, JsonNode? value, bool append)
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
    private static JsonObject Root(string? argumentsJson)
    {
        if (!string.IsNullOrWhiteSpace(argumentsJson))
        {
            try
            {
                if (JsonNode.Parse(argumentsJson) is JsonObject parsed)
                {
                    return parsed;
                }
            }
            catch (JsonException)
            {
            }
        }

        return new JsonObject();
    }

    private AssembledCall? Complete()
    {
        var call = _open;
        _open = null;
        if (call is null || (call.Name is null && call.ArgumentsJson is null && call.Root is null && call.Error is null && call.CallId is null))
        {
            return null;
        }

        return new AssembledCall(call.CallId, call.Name, call.Root, call.ArgumentsJson, call.Error);
    }

    private sealed class Call
    {
        public string? CallId;
        public string? Name;
        public string? ArgumentsJson;
        public JsonObject? Root;
        public string? Error;
    }
}
