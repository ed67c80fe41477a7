using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Foundry.Generated.Generator.Pipeline;
using Foundry.Generated.Generator.OpenApi;

namespace Foundry.Generated.Generator.Schemas;

/// <summary>
/// <c>FoundryRoutes</c>: keeps only the schemas reachable (through <c>$ref</c>) from the operations of the selected
/// routes, so a one-route consumer compiles one route's types instead of the whole proxy.
/// </summary>
internal static class RouteSelection
{
    public static void Apply(SpecDocument document, GeneratorOptions options)
    {
        if (options.Routes.Count == 0)
        {
            return;
        }

        var pending = new Stack<JsonElement>();
        foreach (var operation in SelectedOperations(document, options))
        {
            pending.Push(operation);
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String)
                        {
                            if (SpecDocument.SchemaName(property.Value.GetString()!) is { } name && reached.Add(name) && document.Schemas.TryGetValue(name, out var target))
                            {
                                pending.Push(target);
                            }
                        }
                        else
                        {
                            pending.Push(property.Value);
                        }
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }

        foreach (var name in document.Schemas.Keys.Where(n => !reached.Contains(n)).ToList())
        {
            document.Schemas.Remove(name);
        }
    }

    /// <summary>The operations (any method) bound to a selected route by <c>x-foundry-route</c>.</summary>
    public static IEnumerable<JsonElement> SelectedOperations(SpecDocument document, GeneratorOptions options)
    {
        if (!document.Root.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var path in paths.EnumerateObject())
        {
            if (path.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("x-foundry-route", out var route)
                    && route.ValueKind == JsonValueKind.String && options.Selects(route.GetString()!))
                {
                    yield return operation.Value;
                }
            }
        }
    }
}
