using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Generator.Schemas;
using RouteNames = Foundry.Generated.Generator.Model.RouteNames;

namespace Foundry.Generated.Generator.Operations;

/// <summary>Reads the spec's operations (<c>x-foundry-route</c>, <c>x-foundry-client</c>, ...) into client models.</summary>
internal static class OperationReader
{
    private const string ProxyRoot = "/api/v2/llm/proxy/";

    public static ClientsModel Read(SpecDocument document, List<TypeModel> types, Pipeline.GeneratorOptions options)
    {
        var root = options.RootNamespace;
        var byId = types.ToDictionary(t => t.SchemaId, StringComparer.Ordinal);
        var clients = new SortedDictionary<string, (string Route, List<OperationModel> Ops)>(StringComparer.Ordinal);
        foreach (var path in document.Root.GetProperty("paths").EnumerateObject())
        {
            if (path.Value.ValueKind != JsonValueKind.Object || !path.Value.TryGetProperty("post", out var op))
            {
                continue;
            }

            var pointer = "/paths/" + Foundry.Generated.Catalog.Json.JsonPointer.Escape(path.Name) + "/post";
            var operationId = op.TryGetProperty("operationId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() ?? path.Name : path.Name;
            if (!op.TryGetProperty("x-foundry-route", out var routeElement) || routeElement.ValueKind != JsonValueKind.String)
            {
                document.Report("FDRY105", pointer, operationId);
                continue;
            }

            var route = routeElement.GetString()!;
            if (!RouteNames.IsKnown(route))
            {
                document.Report("FDRY104", pointer + "/x-foundry-route", operationId, route);
                continue;
            }

            if (!options.Selects(route))
            {
                continue;
            }

            // Names from the spec become identifiers and hint names: sanitise (a stray ':' would crash AddSource).
            var client = Foundry.Generated.Generator.Emit.CSharpIdentifiers.ToPascalCase(op.TryGetProperty("x-foundry-client", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() ?? operationId : operationId);
            var method = op.TryGetProperty("x-foundry-method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var request = SchemaId(op, "requestBody", "application/json");
            if (request == null || !byId.TryGetValue(request, out var requestType))
            {
                continue;
            }

            var relative = path.Name.StartsWith(ProxyRoot, StringComparison.Ordinal) ? path.Name.Substring(ProxyRoot.Length) : path.Name.TrimStart('/');
            relative += ConstQuery(op);
            var modelInPath = relative.Contains("{model}");
            var json = ResponseSchema(op, "application/json");
            var events = ResponseSchema(op, "text/event-stream");
            var ops = clients.TryGetValue(client, out var existing) ? existing.Ops : new List<OperationModel>();
            if (json != null && method != "Stream" && byId.TryGetValue(json, out var jsonType))
            {
                ops.Add(Build("Create", route, relative, requestType, jsonType, modelInPath, byId));
            }

            if (events != null && method != "Create" && byId.TryGetValue(events, out var eventType))
            {
                ops.Add(Build("Stream", route, relative, requestType, eventType, modelInPath, byId));
            }

            clients[client] = (route, ops);
        }

        return new ClientsModel(root, clients.Select(p => new ClientModel(p.Key + "Client", p.Key, p.Value.Route, p.Value.Ops.ToEquatableArray())).ToEquatableArray());
    }

    private static OperationModel Build(string method, string route, string path, TypeModel request, TypeModel result, bool modelInPath, Dictionary<string, TypeModel> byId)
    {
        var model = request.Properties.FirstOrDefault(p => p.JsonName == "model");
        var stream = request.Properties.FirstOrDefault(p => p.JsonName == "stream" && p.Type.Kind == TypeKind.Boolean);
        string? optionsProperty = null;
        string? optionsType = null;
        string? includeUsage = null;
        if (method == "Stream" && route.EndsWith("chat-completions", StringComparison.Ordinal)
            && request.Properties.FirstOrDefault(p => p.JsonName == "stream_options") is { Type: { Kind: TypeKind.Record } optType } options)
        {
            var optionsModel = byId.Values.FirstOrDefault(t => t.FullName == optType.Name);
            if (optionsModel?.Properties.FirstOrDefault(p => p.JsonName == "include_usage") is { } usage)
            {
                optionsProperty = options.CSharpName;
                optionsType = optType.Name;
                includeUsage = usage.CSharpName;
            }
        }

        return new OperationModel(method, route, path, request.FullName, result.FullName, modelInPath, model?.CSharpName, stream?.CSharpName, stream?.Type.Nullable ?? false, optionsProperty, optionsType, includeUsage);
    }

    private static string? SchemaId(JsonElement op, string container, string media)
        => op.TryGetProperty(container, out var body) && body.TryGetProperty("content", out var content) && content.TryGetProperty(media, out var m)
            && m.TryGetProperty("schema", out var s) && s.TryGetProperty("$ref", out var r)
            ? SpecDocument.SchemaName(r.GetString() ?? string.Empty)
            : null;

    private static string? ResponseSchema(JsonElement op, string media)
        => op.TryGetProperty("responses", out var responses) && responses.TryGetProperty("200", out var ok) && ok.TryGetProperty("content", out var content)
            && content.TryGetProperty(media, out var m) && m.TryGetProperty("schema", out var s) && s.TryGetProperty("$ref", out var r)
            ? SpecDocument.SchemaName(r.GetString() ?? string.Empty)
            : null;

    // Required query parameters with a constant value (alt=sse) are part of the path.
    private static string ConstQuery(JsonElement op)
    {
        var parts = new List<string>();
        if (op.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in parameters.EnumerateArray())
            {
                if (p.TryGetProperty("in", out var where) && where.GetString() == "query" && p.TryGetProperty("schema", out var schema)
                    && schema.TryGetProperty("const", out var value) && p.TryGetProperty("name", out var name))
                {
                    parts.Add(Uri.EscapeDataString(name.GetString()!) + "=" + Uri.EscapeDataString(value.GetString() ?? string.Empty));
                }
            }
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }
}
