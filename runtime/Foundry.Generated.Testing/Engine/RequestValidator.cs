using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Foundry.Generated.Testing;

/// <summary>
/// Checks each request body against the proxy spec's request schema of its route, as Foundry (or the provider behind
/// it) does, so a client that sends a wrong shape fails a test with a 400 instead of being answered. The spec's
/// schemas are used as JSON Schema 2020-12 (OpenAPI 3.1); a union member may match more than one branch in
/// practice, so <c>oneOf</c> is checked as <c>anyOf</c>: the shape is validated, not exclusivity.
/// </summary>
internal sealed class RequestValidator
{
    private static readonly Uri SpecUri = new("https://foundry-emulator.invalid/foundry-llm-proxy.openapi.json");
    private readonly Dictionary<string, JsonSchema> _byRoute = new(StringComparer.Ordinal);

    public RequestValidator(string specText)
    {
        var spec = JsonNode.Parse(specText)!.AsObject();
        var routes = new List<(string Route, string Reference)>();
        foreach (var path in spec["paths"]!.AsObject())
        {
            foreach (var operation in path.Value!.AsObject())
            {
                if ((string?)operation.Value?["x-foundry-route"] is { } route
                    && (string?)operation.Value?["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"] is { } reference)
                {
                    routes.Add((route, reference));
                }
            }
        }

        RelaxUnions(spec);
        var registry = new SchemaRegistry();
        var document = JsonDocument.Parse(spec.ToJsonString());
        registry.Register(SpecUri, new JsonElementBaseDocument(document.RootElement, SpecUri));
        var build = new BuildOptions { SchemaRegistry = registry };
        foreach (var (route, reference) in routes.Where(r => r.Reference.Length > 0))
        {
            if (!_byRoute.ContainsKey(route))
            {
                _byRoute[route] = JsonSchema.FromText($$"""{"$ref":"{{SpecUri}}{{reference}}"}""", build);
            }
        }
    }

    public static RequestValidator FromEmbeddedSpec()
    {
        using var stream = typeof(RequestValidator).Assembly.GetManifestResourceStream("foundry-llm-proxy.openapi.json")
            ?? throw new InvalidOperationException("foundry-llm-proxy.openapi.json is not embedded");
        using var reader = new StreamReader(stream);
        return new RequestValidator(reader.ReadToEnd());
    }

    /// <summary>Null when the body fits the route's request schema, else the first problems (location: message).</summary>
    public string? Check(string route, JsonElement body)
    {
        if (!_byRoute.TryGetValue(route, out var schema))
        {
            return null;
        }

        var result = schema.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return null;
        }

        var problems = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {e.Value}"))
            .Distinct()
            .Take(3)
            .ToList();
        return problems.Count == 0 ? "the body does not match the request schema" : string.Join("; ", problems);
    }

    /// <summary>oneOf → anyOf, a <c>model</c> property any string (RIDs and friendly ids, not the provider's names), and the OpenAPI-only keywords (<c>x-…</c>, <c>discriminator</c>, <c>example</c>) a JSON
    /// Schema validator does not know removed.</summary>
    private static void RelaxUnions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject properties && properties.ContainsKey("model"))
                {
                    // The proxy takes a RID or a friendly id where the provider lists its own model names.
                    properties["model"] = new JsonObject { ["type"] = "string" };
                }

                foreach (var key in obj.Select(p => p.Key).Where(k => k.StartsWith("x-", StringComparison.Ordinal) || k is "discriminator" or "example").ToList())
                {
                    obj.Remove(key);
                }

                if (obj["oneOf"] is JsonArray oneOf && !obj.ContainsKey("anyOf"))
                {
                    obj.Remove("oneOf");
                    obj["anyOf"] = oneOf;
                }

                foreach (var pair in obj.ToList())
                {
                    RelaxUnions(pair.Value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RelaxUnions(item);
                }

                break;
        }
    }
}
