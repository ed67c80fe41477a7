using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System;
using Foundry.Generated.Generator.Diagnostics;
using Foundry.Generated.Generator.Pipeline;
using RouteNames = Foundry.Generated.Generator.Model.RouteNames;
using Foundry.Generated.Generator.OpenApi;

namespace Foundry.Generated.Generator.Naming;

/// <summary>A selected operation's client: <c>{PropertyName}Client</c>, a property of <c>FoundryLlmClient</c>.</summary>
internal sealed record ClientName(string Pointer, string Route, string PropertyName)
{
    public string ClassName => PropertyName + "Client";
}

/// <summary>
/// Names the route clients before any type is named (types yield to them): the identifier of <c>x-foundry-client</c>
/// (else the operationId, else the path); operations of one route with the same name share a client. A name another
/// route's client holds, or one <c>FoundryLlmClient</c> declares (<c>Pipeline</c>, <c>Dispose</c>), gets a number (FDRY106).
/// </summary>
internal static class ClientNaming
{
    /// <summary>Every selected operation's client, by the operation's JSON pointer; renames are reported when <paramref name="report"/>.</summary>
    public static Dictionary<string, ClientName> Assign(SpecDocument document, GeneratorOptions options, bool report)
    {
        var wanted = new List<(string Pointer, string Route, string Name, string Source)>();
        foreach (var (pointer, operation, route) in Operations(document, options))
        {
            var source = SpecJson.String(operation, "x-foundry-client") ?? SpecJson.String(operation, "operationId") ?? pointer;
            wanted.Add((pointer, route, CSharpIdentifiers.Identifier(source), source));
        }

        var scope = new NameScope()
            .Reserve("FoundryLlmClient", "the enclosing type 'FoundryLlmClient'")
            .Reserve("FoundryLlm", "the generated client 'FoundryLlmClient'")
            .Reserve(CSharpIdentifiers.RootClientMembers, "a member of 'FoundryLlmClient'");
        var byKey = new Dictionary<(string, string), string>();
        var result = new Dictionary<string, ClientName>(StringComparer.Ordinal);
        foreach (var op in wanted.OrderBy(w => w.Name, StringComparer.Ordinal).ThenBy(w => w.Route, StringComparer.Ordinal).ThenBy(w => w.Pointer, StringComparer.Ordinal))
        {
            if (!byKey.TryGetValue((op.Name, op.Route), out var name))
            {
                name = scope.Claim(op.Name, "the client of route '" + op.Route + "'", out var takenBy);
                byKey[(op.Name, op.Route)] = name;
                if (takenBy != null && report)
                {
                    document.Report(DiagnosticIds.SpecNameCollision, op.Pointer, "The client '" + op.Source + "' of route '" + op.Route + "'", op.Name, takenBy, name);
                }
            }

            result[op.Pointer] = new ClientName(op.Pointer, op.Route, name);
        }

        return result;
    }

    /// <summary>The POST operations bound to a known, selected route: (pointer, operation, route).</summary>
    public static IEnumerable<(string Pointer, JsonElement Operation, string Route)> Operations(SpecDocument document, GeneratorOptions options)
    {
        foreach (var path in SpecJson.Properties(document.Root, "paths"))
        {
            if (SpecJson.Get(path.Value, "post") is not { } op || op.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var route = SpecJson.String(op, "x-foundry-route");
            if (route != null && RouteNames.IsKnown(route) && options.Selects(route))
            {
                yield return ("/paths/" + Foundry.Generated.Catalog.Json.JsonPointer.Escape(path.Name) + "/post", op, route);
            }
        }
    }
}
