using System;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>What a whole answer says to structured output: its text (first choice or candidate), a refusal, the finish
/// reason and whether it was cut off. Each dialect's file reads it from the route's response.</summary>
internal readonly record struct StructuredAnswer(string Text, string? Refusal, string? Finish, bool Incomplete);

/// <summary>Setting a route's format field on a request's JSON: the parent objects it needs, and no format already set.</summary>
internal static class StructuredFormat
{
    /// <summary>The object <paramref name="name"/> of <paramref name="parent"/>, created when absent.</summary>
    public static JsonObject Child(JsonObject parent, string name) => JsonNodes.ObjectOf(parent, name);

    /// <summary>Throws when the caller's request already sets <paramref name="path"/>: the type's schema would replace it.</summary>
    public static void Refuse(JsonObject parent, string name, string path)
    {
        if (parent[name] is not null)
        {
            throw new ArgumentException($"The request already sets {path}; structured output sets it from the type's schema. Leave it unset.", "request");
        }
    }
}
