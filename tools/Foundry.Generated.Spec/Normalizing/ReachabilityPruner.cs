using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Spec.Normalizing;

/// <summary>Drops components nothing reachable from the operations refers to (after Foundry's overrides).</summary>
internal static class ReachabilityPruner
{
    public static void Prune(SortedDictionary<string, JsonObject> schemas, JsonNode paths)
    {
        var reached = new HashSet<string>();
        var stack = new Stack<JsonNode>();
        stack.Push(paths);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is JsonObject obj)
            {
                foreach (var pair in obj)
                {
                    if (pair.Key == "$ref" && pair.Value is JsonValue v && v.GetValue<string>() is var r && r.StartsWith(SchemaNames.ComponentPrefix, System.StringComparison.Ordinal))
                    {
                        var name = r.Substring(SchemaNames.ComponentPrefix.Length);
                        if (reached.Add(name) && schemas.TryGetValue(name, out var target))
                        {
                            stack.Push(target);
                        }
                    }
                    else if (pair.Value != null)
                    {
                        stack.Push(pair.Value);
                    }
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    if (item != null)
                    {
                        stack.Push(item);
                    }
                }
            }
        }

        foreach (var name in new List<string>(schemas.Keys))
        {
            if (!reached.Contains(name))
            {
                schemas.Remove(name);
            }
        }
    }
}
