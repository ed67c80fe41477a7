using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using Foundry.Generated.Catalog.Json;
using Foundry.Generated.Spec.Foundry;

namespace Foundry.Generated.Spec.Reading;

/// <summary>
/// Checks Microsoft.OpenApi does not (reliably) make: every <c>$ref</c> lands on something in the file, and every
/// Foundry route extension names a known route. One walk over the JSON tree.
/// </summary>
internal sealed class SpecStructureChecks
{
    private readonly string _text;
    private readonly JsonNode _root;
    private readonly List<SpecProblem> _problems;
    private readonly CancellationToken _cancellationToken;

    private SpecStructureChecks(string text, JsonNode root, List<SpecProblem> problems, CancellationToken cancellationToken)
    {
        _text = text;
        _root = root;
        _problems = problems;
        _cancellationToken = cancellationToken;
    }

    public static void Run(string text, JsonNode root, List<SpecProblem> problems, CancellationToken cancellationToken)
        => new SpecStructureChecks(text, root, problems, cancellationToken).Walk(root, "#");

    private void Walk(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonObject obj:
                _cancellationToken.ThrowIfCancellationRequested();
                foreach (var pair in obj)
                {
                    var childPointer = JsonPointer.Append(pointer, pair.Key);
                    if (pair.Key == "$ref" && pair.Value is JsonValue)
                    {
                        CheckReference(pair.Value, childPointer);
                    }
                    else if (pair.Key == "x-foundry-route" || pair.Key == "x-foundry-model-route")
                    {
                        CheckRoute(pair.Key, pair.Value, childPointer);
                    }
                    else
                    {
                        Walk(pair.Value, childPointer);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], JsonPointer.Append(pointer, i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }

                break;
        }
    }

    private void CheckReference(JsonNode? value, string pointer)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var reference))
        {
            Add(SpecProblemKind.BrokenReference, "$ref is not a string", pointer);
            return;
        }

        if (!reference.StartsWith("#", System.StringComparison.Ordinal))
        {
            Add(SpecProblemKind.BrokenReference, $"$ref '{reference}' points outside this file; only local references (#/...) are supported", pointer);
            return;
        }

        if (!JsonPointer.TryResolve(_root, reference, out _))
        {
            Add(SpecProblemKind.BrokenReference, $"$ref '{reference}' points at nothing in this file", pointer);
        }
    }

    private void CheckRoute(string key, JsonNode? value, string pointer)
    {
        var route = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (!RouteIds.IsKnown(route))
        {
            var shown = route ?? value?.ToJsonString() ?? "null";
            Add(SpecProblemKind.UnknownRoute, $"{key} '{shown}' is not a route id (expected one of: {string.Join(", ", RouteIds.All)})", pointer);
        }
    }

    private void Add(SpecProblemKind kind, string message, string pointer)
        => _problems.Add(new SpecProblem(kind, message, pointer, JsonLocator.Locate(_text, pointer), IsError: true));
}
