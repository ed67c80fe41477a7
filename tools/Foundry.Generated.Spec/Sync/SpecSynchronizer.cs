using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Foundry;
using Foundry.Generated.Spec.Normalizing;
using Foundry.Generated.Spec.Writing;

namespace Foundry.Generated.Spec.Sync;

/// <summary>
/// Builds the proxy's OpenAPI document from the providers' upstream specs: selects the 8 proxy operations, keeps
/// only reachable schemas, normalises the dialects and adds Foundry's parts. Same inputs, same bytes.
/// </summary>
public static class SpecSynchronizer
{
    public static string Synchronize(UpstreamSpec openAi, UpstreamSpec anthropic, UpstreamSpec gemini)
        => Synchronize(openAi, anthropic, gemini, null);

    /// <param name="warnings">Receives what the sync had to assume (a fallback operation); null to ignore them.</param>
    public static string Synchronize(UpstreamSpec openAi, UpstreamSpec anthropic, UpstreamSpec gemini, ICollection<string>? warnings)
        => Synchronize(openAi, anthropic, gemini, warnings, ProxyAmendments.CheckedIn, null);

    /// <param name="amendments">What real responses show beyond the upstream files (<see cref="ProxyAmendments.CheckedIn"/> by default).</param>
    /// <param name="unapplied">Receives the amendments whose target these upstream files lack; null to ignore them.</param>
    public static string Synchronize(UpstreamSpec openAi, UpstreamSpec anthropic, UpstreamSpec gemini, ICollection<string>? warnings, ProxyAmendments amendments, ICollection<string>? unapplied)
    {
        var specs = new Dictionary<string, UpstreamSpec>
        {
            ["OpenAi"] = amendments.Upstream(openAi, unapplied),
            ["Anthropic"] = amendments.Upstream(anthropic, unapplied),
            ["Gemini"] = amendments.Upstream(gemini, unapplied),
        };
        var schemas = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var normalizers = new Dictionary<string, SchemaNormalizer>();
        foreach (var pair in specs)
        {
            normalizers[pair.Key] = new SchemaNormalizer(new UpstreamSchemas(pair.Value), schemas);
        }

        var paths = new JsonObject();
        foreach (var op in ProxyOperation.All)
        {
            var spec = specs[op.Provider];
            var upstreamOp = FindOperation(spec, op, warnings);
            var normalizer = normalizers[op.Provider];
            try
            {
                paths[op.FoundryPath] = Operation(spec, op, upstreamOp, normalizer, schemas);
            }
            catch (Exception e) when (e is InvalidOperationException || e is FormatException || e is ArgumentException || e is KeyNotFoundException)
            {
                // A value of the wrong JSON kind where the sync expected another (an array for an object...).
                throw spec.Error(normalizer.Current ?? upstreamOp.Operation, $"unexpected input shape while syncing {upstreamOp.Display}: {e.Message}");
            }
        }

        amendments.Properties(schemas, unapplied);
        schemas[FoundrySchemas.Error] = FoundrySchemas.ErrorSchema();
        FoundrySchemas.AddAnthropicErrorEvent(schemas);
        ReachabilityPruner.Prune(schemas, paths);
        return Write(paths, schemas, openAi, anthropic, gemini);
    }

    private static JsonObject Operation(UpstreamSpec spec, ProxyOperation op, UpstreamOperation upstreamOp, SchemaNormalizer normalizer, SortedDictionary<string, JsonObject> schemas)
    {
        var request = normalizer.Include(SchemaOf(spec, upstreamOp, upstreamOp.Operation["requestBody"]?["content"]?["application/json"], "request body"));
        var ok = upstreamOp.Operation["responses"]?["200"]?["content"] as JsonObject;
        string? json = null;
        string? stream = null;
        if (op.Method != "Stream" && ok?["application/json"] is JsonNode jsonContent)
        {
            json = normalizer.Include(SchemaOf(spec, upstreamOp, jsonContent, "200 application/json response"));
        }

        if (op.Method != "Create")
        {
            if (ok?["text/event-stream"] is JsonNode sse)
            {
                stream = normalizer.Include(SchemaOf(spec, upstreamOp, sse, "200 text/event-stream response"));
            }
            else if (op.StreamSchema != null)
            {
                if (spec.Schemas[op.StreamSchema] == null)
                {
                    throw spec.Error(spec.Document["components"]?["schemas"] ?? spec.Document, $"the stream event schema '{op.StreamSchema}' is missing (needed for {op.FoundryPath})");
                }

                stream = normalizer.Include(op.StreamSchema);
            }
        }

        if (op.IsXai)
        {
            var xaiName = "Xai." + request.Substring(request.IndexOf('.') + 1);
            schemas[xaiName] = FoundrySchemas.XaiRequest(request, op.Route);
            request = xaiName;
        }
        else if (op.Method == null)
        {
            // Gemini names the model in the path; everyone else in the body.
            FoundrySchemas.BindModel(schemas[request], op.Route);
        }

        var path = FoundryPaths.Operation(op, request, json, stream);
        if (!upstreamOp.IsFallback)
        {
            // The upstream operation's prose; a fallback operation (Gemini's generateContent standing in for the
            // stream) describes another operation, so it gives none.
            Annotations.Copy(upstreamOp.Operation, path["post"]);
        }

        if (path["post"]?["parameters"] is JsonArray parameters && parameters.FirstOrDefault(p => p?["in"]?.GetValue<string>() == "path") is JsonObject model)
        {
            Annotations.Copy(FirstPathParameter(spec, upstreamOp), model);
        }

        return path;
    }

    /// <summary>The upstream operation's first path parameter (operation-level first, then path-item-level; local $refs resolved).</summary>
    private static JsonObject? FirstPathParameter(UpstreamSpec spec, UpstreamOperation upstreamOp)
    {
        foreach (var list in new[] { upstreamOp.Operation["parameters"], upstreamOp.PathItem["parameters"] })
        {
            if (list is not JsonArray parameters)
            {
                continue;
            }

            foreach (var item in parameters)
            {
                var parameter = item as JsonObject;
                if (parameter?["$ref"] is JsonValue r && r.TryGetValue<string>(out var reference) && reference.StartsWith("#/components/parameters/", StringComparison.Ordinal))
                {
                    parameter = spec.Document["components"]?["parameters"]?[reference.Substring("#/components/parameters/".Length)] as JsonObject;
                }

                if (parameter?["in"] is JsonValue where && where.TryGetValue<string>(out var location) && location == "path")
                {
                    return parameter;
                }
            }
        }

        return null;
    }

    private static string Write(JsonObject paths, SortedDictionary<string, JsonObject> schemas, UpstreamSpec openAi, UpstreamSpec anthropic, UpstreamSpec gemini)
    {
        var components = new JsonObject();
        var schemaObject = new JsonObject();
        foreach (var pair in schemas)
        {
            schemaObject[pair.Key] = pair.Value;
        }

        components["schemas"] = schemaObject;
        components["parameters"] = FoundryPaths.HeaderParameters();
        components["securitySchemes"] = FoundryPaths.SecuritySchemes();

        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Foundry LLM proxy",
                ["version"] = "1.0.0",
                ["x-foundry-upstream"] = Sources(openAi, anthropic, gemini),
            },
            ["security"] = new JsonArray(new JsonObject { ["bearerAuth"] = new JsonArray() }),
            ["paths"] = paths,
            ["components"] = components,
        };
        return CanonicalJsonWriter.Write(document);
    }

    private static UpstreamOperation FindOperation(UpstreamSpec spec, ProxyOperation op, ICollection<string>? warnings)
    {
        if (OperationMatcher.TryFind(spec, op.UpstreamMethod, op.UpstreamPath) is { } found)
        {
            return found;
        }

        if (op.StreamFallbackPath != null && OperationMatcher.TryFind(spec, op.UpstreamMethod, op.StreamFallbackPath) is { } fallback)
        {
            warnings?.Add($"{spec.Where(fallback.Operation)}: no operation matches {op.UpstreamMethod.ToUpperInvariant()} {op.UpstreamPath}; {op.FoundryPath} streams {op.StreamSchema} events for the request of {fallback.Display}");
            return fallback.AsFallback();
        }

        throw OperationMatcher.NotFound(spec, op.UpstreamMethod, op.UpstreamPath, op.FoundryPath);
    }

    /// <summary>
    /// The component a media type refers to: its <c>schema</c>, or (OpenAPI 3.2 sequential media such as
    /// text/event-stream) its <c>itemSchema</c>, or the <c>contentSchema</c> of that item's <c>data</c> field.
    /// </summary>
    private static string SchemaOf(UpstreamSpec spec, UpstreamOperation operation, JsonNode? media, string what)
    {
        var reference = media?["schema"]?["$ref"]
            ?? media?["itemSchema"]?["$ref"]
            ?? media?["itemSchema"]?["properties"]?["data"]?["contentSchema"]?["$ref"];
        if (reference != null)
        {
            return new UpstreamSchemas(spec).NameOf(reference, $"{operation.Display} {what}");
        }

        throw spec.Error(media ?? operation.Operation, $"{operation.Display} has no {what} schema reference");
    }

    // Which upstream documents produced this one (the generator ignores it; people reviewing diffs do not). Content
    // only, never the file's name or form: the same document as JSON or YAML, or with its keys reordered, records the
    // same values (sha256 is over the canonical JSON: keys sorted, no whitespace).
    private static JsonObject Sources(params UpstreamSpec[] specs)
    {
        var result = new JsonObject();
        foreach (var spec in specs)
        {
            var entry = new JsonObject
            {
                ["openapi"] = spec.Document["openapi"]?.DeepClone(),
            };
            if (spec.Document["info"]?["title"] is JsonValue title)
            {
                entry["title"] = title.DeepClone();
            }

            if (spec.Document["info"]?["version"] is JsonValue version)
            {
                entry["version"] = version.DeepClone();
            }

            entry["sha256"] = Sha256(CanonicalJsonWriter.Compact(spec.Document));
            result[spec.Provider] = entry;
        }

        return result;
    }

    private static string Sha256(string text)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var sb = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
