using System.Collections.Generic;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>What a stream value reader already knows about whether an event is an error payload.</summary>
internal enum ErrorCheck
{
    /// <summary>Nothing: search the event's bytes for a top-level <c>error</c> object or <c>"type": "error"</c>.</summary>
    Search,
    /// <summary>The event cannot be an error (it yielded answer text, or its decoded members hold no error).</summary>
    RuledOut,
    /// <summary>The decoded event holds a top-level error.</summary>
    Found,
}

internal static class ErrorChecks
{
    /// <summary>Judges an event by the top-level members its type does not describe (where an error would land).</summary>
    public static ErrorCheck From(IDictionary<string, JsonElement>? unknownMembers)
        => unknownMembers is not null
           && (unknownMembers.TryGetValue("error", out var error) && error.ValueKind == JsonValueKind.Object
               || unknownMembers.TryGetValue("type", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals("error"u8))
            ? ErrorCheck.Found
            : ErrorCheck.RuledOut;
}
