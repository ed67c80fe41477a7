using System;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>Building JSON trees: a member that must hold an object or an array, created when it does not.</summary>
internal static class JsonNodes
{
    public static JsonObject ObjectOf(JsonObject owner, string name) => MemberOf(owner, name, static () => new JsonObject());

    public static JsonArray ArrayOf(JsonObject owner, string name) => MemberOf(owner, name, static () => new JsonArray());

    private static T MemberOf<T>(JsonObject owner, string name, Func<T> create)
        where T : JsonNode
    {
        if (owner[name] is T existing)
        {
            return existing;
        }

        var created = create();
        owner[name] = created;
        return created;
    }
}
