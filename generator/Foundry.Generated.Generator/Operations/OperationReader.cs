using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Generator.Diagnostics;
using Foundry.Generated.Generator.Schemas;
using RouteNames = Foundry.Generated.Generator.Model.RouteNames;
using Foundry.Generated.Generator.Naming;
using Foundry.Generated.Generator.OpenApi;

namespace Foundry.Generated.Generator.Operations;

/// <summary>Reads the spec's operations (<c>x-foundry-route</c>, <c>x-foundry-client</c>, ...) into client models.</summary>
internal static class OperationReader
{
    private const string ProxyRoot = "/api/v2/llm/proxy/";

    public static ClientsModel Read(SpecDocument document, List<TypeModel> types, Pipeline.GeneratorOptions options)
    {
        var root = options.RootNamespace;
        var byId = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            byId[type.SchemaId] = type;
        }

        foreach (var path in SpecJson.Properties(document.Root, "paths"))
        {
            if (SpecJson.Get(path.Value, "post") is not { ValueKind: JsonValueKind.Object } op)
            {
                continue;
            }

            var pointer = "/paths/" + Foundry.Generated.Catalog.Json.JsonPointer.Escape(path.Name) + "/post";
            var operationId = SpecJson.String(op, "operationId") ?? path.Name;
            var route = SpecJson.String(op, "x-foundry-route");
            if (route == null)
            {
                document.Report(DiagnosticIds.SpecMissingFoundryExtension, pointer, operationId);
            }
            else if (!RouteNames.IsKnown(route))
            {
                document.Report(DiagnosticIds.SpecUnknownRoute, pointer + "/x-foundry-route", operationId, route);
            }
        }

        // Names from the spec become identifiers and hint names: one rule names them (ClientNaming), before the types.
        var names = ClientNaming.Assign(document, options, report: true);
        var clients = new SortedDictionary<string, (string Route, List<OperationModel> Ops)>(StringComparer.Ordinal);
        foreach (var (pointer, op, route) in ClientNaming.Operations(document, options))
        {
            var client = names[pointer].PropertyName;
            var method = SpecJson.String(op, "x-foundry-method");
            var request = SchemaId(op, "requestBody", "application/json");
            if (request == null || !byId.TryGetValue(request, out var requestType))
            {
                continue;
            }

            var pathName = Foundry.Generated.Catalog.Json.JsonPointer.Unescape(pointer.Substring("/paths/".Length, pointer.Length - "/paths/".Length - "/post".Length));
            var relative = pathName.StartsWith(ProxyRoot, StringComparison.Ordinal) ? pathName.Substring(ProxyRoot.Length) : pathName.TrimStart('/');
            relative += ConstQuery(op);
            var modelInPath = relative.Contains("{model}");
            var json = ResponseSchema(op, "application/json");
            var events = ResponseSchema(op, "text/event-stream");
            if (ModelProblem(requestType, modelInPath) is { } problem)
            {
                document.Report(DiagnosticIds.SpecOperationSkipped, pointer, SpecJson.String(op, "operationId") ?? pathName, problem);
                continue;
            }

            var ops = clients.TryGetValue(client, out var existing) ? existing.Ops : new List<OperationModel>();
            if (json != null && method != "Stream" && byId.TryGetValue(json, out var jsonType) && !ops.Any(o => o.Method == "Create" && o.RequestType == requestType.FullName))
            {
                ops.Add(Build(op, "Create", route, relative, requestType, jsonType, modelInPath, byId));
            }

            if (events != null && method != "Create" && byId.TryGetValue(events, out var eventType) && !ops.Any(o => o.Method == "Stream" && o.RequestType == requestType.FullName))
            {
                var stream = Build(op, "Stream", route, relative, requestType, eventType, modelInPath, byId);
                ops.Add(json != null && byId.TryGetValue(json, out var whole) ? stream with { AccumulatedType = whole.FullName } : stream);
            }

            clients[client] = (route, ops);
        }

        return new ClientsModel(root, clients.Select(p => new ClientModel(p.Key + "Client", p.Key, p.Value.Route, WithAccumulatedTypes(p.Value.Ops).ToEquatableArray())).ToEquatableArray());
    }

    // A stream operation without a JSON answer of its own (Gemini's streamGenerateContent) accumulates into the result
    // of the client's Create operation.
    private static List<OperationModel> WithAccumulatedTypes(List<OperationModel> ops)
    {
        var create = ops.FirstOrDefault(o => o.Method == "Create")?.ResultType;
        return ops.Select(o => o.Method == "Stream" && o.AccumulatedType == null && create != null ? o with { AccumulatedType = create } : o).ToList();
    }

    /// <summary>Why a client method could not route the request by its model (the runtime needs the route's model struct), or null.</summary>
    private static string? ModelProblem(TypeModel request, bool modelInPath)
    {
        if (modelInPath)
        {
            return null;
        }

        if (request.Kind != TypeModelKind.Record)
        {
            return "its request '" + request.SchemaId + "' is not an object with a 'model' property";
        }

        var model = request.Properties.FirstOrDefault(p => p.JsonName == "model");
        return model is { Type: { Kind: TypeKind.Struct, Name: { } name } } && IsModelType(name)
            ? null
            : "its request '" + request.SchemaId + "' has no 'model' property bound to a route (x-foundry-model-route)";
    }

    private static bool IsModelType(string typeName)
        => Foundry.Generated.Catalog.ModelIds.ModelIdRules.KnownRoutes.Any(r => RouteNames.ModelTypeName(r) is { } t && typeName.EndsWith("." + t, StringComparison.Ordinal));

    private static OperationModel Build(JsonElement op, string method, string route, string path, TypeModel request, TypeModel result, bool modelInPath, Dictionary<string, TypeModel> byId)
    {
        var model = request.Properties.FirstOrDefault(p => p.JsonName == "model");
        var stream = request.Properties.FirstOrDefault(p => p.JsonName == "stream" && p.Type.Kind == TypeKind.Boolean);
        string? optionsProperty = null;
        string? optionsType = null;
        string? includeUsage = null;
        if (method == "Stream" && route.EndsWith("chat-completions", StringComparison.Ordinal)
            && request.Properties.FirstOrDefault(p => p.JsonName == "stream_options") is { Type: { Kind: TypeKind.Record } optType } options)
        {
            // Defaulted as new T { IncludeUsage = true }: only for a record that needs nothing else.
            var optionsModel = byId.Values.FirstOrDefault(t => t.FullName == optType.Name);
            if (optionsModel is { Kind: TypeModelKind.Record }
                && optionsModel.Properties.FirstOrDefault(p => p.JsonName == "include_usage") is { Type.Kind: TypeKind.Boolean, ConstValue: null } usage
                && optionsModel.Properties.All(p => p == usage || !p.IsRequired || p.ConstValue != null))
            {
                optionsProperty = options.CSharpName;
                optionsType = optType.Name;
                includeUsage = usage.CSharpName;
            }
        }

        return new OperationModel(method, route, path, request.FullName, result.FullName, modelInPath, model?.CSharpName, stream?.CSharpName, stream?.Type.Nullable ?? false, optionsProperty, optionsType, includeUsage)
        {
            ModelPropertyNullable = model?.Type.Nullable ?? false,
            Description = string.Join("\n\n", new[] { SpecJson.String(op, "summary"), SpecJson.String(op, "description") }.Where(t => !string.IsNullOrWhiteSpace(t))) is { Length: > 0 } text ? text : null,
            ModelDescription = modelInPath ? SpecJson.Items(op, "parameters").Where(p => SpecJson.String(p, "name") == "model" && SpecJson.String(p, "in") == "path").Select(p => SpecJson.String(p, "description")).FirstOrDefault() : null,
            Deprecated = SpecJson.IsTrue(op, "deprecated"),
        };
    }

    private static string? SchemaId(JsonElement op, string container, string media)
        => Reference(SpecJson.Get(op, container), media);

    private static string? ResponseSchema(JsonElement op, string media)
        => SpecJson.Get(op, "responses") is { } responses ? Reference(SpecJson.Get(responses, "200"), media) : null;

    private static string? Reference(JsonElement? body, string media)
        => body is { } b && SpecJson.Get(b, "content") is { } content && SpecJson.Get(content, media) is { } m && SpecJson.Get(m, "schema") is { } schema
            && SpecJson.String(schema, "$ref") is { } reference
            ? SpecDocument.SchemaName(reference)
            : null;

    // Required query parameters with a constant value (alt=sse) are part of the path.
    private static string ConstQuery(JsonElement op)
    {
        var parts = new List<string>();
        foreach (var p in SpecJson.Items(op, "parameters"))
        {
            if (SpecJson.String(p, "in") == "query" && SpecJson.Get(p, "schema") is { } schema && SpecJson.Get(schema, "const") is { } value
                && SpecJson.String(p, "name") is { } name)
            {
                parts.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()));
            }
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }
}
