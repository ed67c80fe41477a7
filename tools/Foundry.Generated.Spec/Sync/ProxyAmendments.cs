using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Normalizing;
using Foundry.Generated.Spec.Reading;

namespace Foundry.Generated.Spec.Sync;

/// <summary>
/// What real provider responses show that the upstream spec files do not: shapes they carry (added components, union
/// members, a replaced schema; spec/upstream/added-schemas.json, applied to the upstream documents before they are
/// normalised) and properties they omit or send as null (spec/upstream/omitted-properties.json, applied to the
/// normalised proxy schemas). Both files are compiled into this assembly, so every sync applies them. An entry whose
/// target an upstream revision does not have is skipped and reported to the caller's <c>unapplied</c> list.
/// </summary>
public sealed class ProxyAmendments
{
    private readonly JsonObject _added;
    private readonly JsonObject _omitted;

    public ProxyAmendments(JsonObject added, JsonObject omitted)
    {
        _added = added;
        _omitted = omitted;
    }

    /// <summary>The amendments checked in next to the upstream specs.</summary>
    public static ProxyAmendments CheckedIn { get; } = new ProxyAmendments(Resource("added-schemas.json"), Resource("omitted-properties.json"));

    /// <summary>No amendments.</summary>
    public static ProxyAmendments None { get; } = new ProxyAmendments(new JsonObject(), new JsonObject());

    private static JsonObject Resource(string name)
    {
        using var stream = typeof(ProxyAmendments).Assembly.GetManifestResourceStream("Foundry.Generated.Spec.Amendments." + name)
            ?? throw new InvalidOperationException("missing embedded resource " + name);
        using var reader = new StreamReader(stream);
        return JsonNode.Parse(reader.ReadToEnd()) as JsonObject ?? throw new InvalidOperationException(name + " is not a JSON object");
    }

    /// <summary>
    /// The upstream document with this provider's added schemas, properties, union members and replacements; the input is not
    /// modified (a changed document is a copy whose nodes keep the original's file positions).
    /// </summary>
    public UpstreamSpec Upstream(UpstreamSpec spec, ICollection<string>? unapplied)
    {
        var schemaEntries = Entries(_added, "schemas", spec.Provider);
        var unionEntries = Entries(_added, "unionMembers", spec.Provider);
        var propertyEntries = Entries(_added, "properties", spec.Provider);
        var replacements = Entries(_added, "replacements", spec.Provider);
        if (schemaEntries.Count + propertyEntries.Count + unionEntries.Count + replacements.Count == 0 || spec.Document["components"]?["schemas"] is not JsonObject)
        {
            foreach (var entry in schemaEntries.Concat(propertyEntries).Concat(unionEntries).Concat(replacements))
            {
                unapplied?.Add($"{spec.Provider}: {Describe(entry)} (no components in {spec.SourceName})");
            }

            return spec;
        }

        var positions = new SourceMap();
        var document = (JsonObject)Copy(spec.Document, spec.Positions, positions)!;
        var copy = new UpstreamSpec(spec.Provider, spec.SourceName, document, positions);
        var schemas = copy.Schemas;
        foreach (var entry in schemaEntries)
        {
            var name = Text(entry, "name");
            if (schemas.ContainsKey(name))
            {
                unapplied?.Add($"{spec.Provider}: schema {name} already exists upstream (drop it from added-schemas.json)");
                continue;
            }

            schemas[name] = entry["schema"]!.DeepClone();
        }

        AddProperties(schemas, propertyEntries, spec.Provider, unapplied);

        foreach (var entry in replacements)
        {
            var pointer = Text(entry, "pointer");
            var cut = pointer.LastIndexOf('/');
            if (Resolve(document, pointer.Substring(0, cut)) is JsonObject parent && parent.ContainsKey(Unescape(pointer.Substring(cut + 1))))
            {
                parent[Unescape(pointer.Substring(cut + 1))] = entry["value"]!.DeepClone();
            }
            else
            {
                unapplied?.Add($"{spec.Provider}: {Describe(entry)}");
            }
        }

        foreach (var entry in unionEntries)
        {
            if (Resolve(document, Text(entry, "union")) is not JsonObject union || (union["oneOf"] ?? union["anyOf"]) is not JsonArray members)
            {
                unapplied?.Add($"{spec.Provider}: {Describe(entry)}");
                continue;
            }

            foreach (var add in (JsonArray)entry["add"]!)
            {
                var name = add!.GetValue<string>();
                var reference = SchemaNames.ComponentPrefix + name;
                if (schemas[name] is not JsonObject member)
                {
                    unapplied?.Add($"{spec.Provider}: {name} (to add to {Text(entry, "union")}) is not an upstream schema");
                    continue;
                }

                if (members.Any(m => m?["$ref"] is JsonValue r && r.GetValue<string>() == reference))
                {
                    continue;
                }

                members.Add(new JsonObject { ["$ref"] = reference });
                if (union["discriminator"]?["mapping"] is JsonObject mapping && union["discriminator"]?["propertyName"] is JsonValue p
                    && new UpstreamSchemas(copy).ConstOf(name, p.GetValue<string>()) is { } value && !mapping.ContainsKey(value))
                {
                    mapping[value] = reference;
                }
            }
        }

        return copy;
    }

    // Properties added to an existing component; one upstream already declares is reported rather than overwritten, so
    // an upstream revision that catches up shows the entry can go.
    private static void AddProperties(JsonObject schemas, List<JsonObject> entries, string provider, ICollection<string>? unapplied)
    {
        foreach (var entry in entries)
        {
            var name = Text(entry, "schema");
            if (schemas[name]?["properties"] is not JsonObject properties)
            {
                unapplied?.Add($"{provider}: {Describe(entry)}");
                continue;
            }

            foreach (var pair in (JsonObject)entry["add"]!)
            {
                if (properties.ContainsKey(pair.Key))
                {
                    unapplied?.Add($"{provider}: {name}.{pair.Key} already exists upstream (drop it from added-schemas.json)");
                    continue;
                }

                properties[pair.Key] = pair.Value!.DeepClone();
            }
        }
    }

    /// <summary>Makes the properties real responses omit optional, and those they send as null nullable.</summary>
    public void Properties(IDictionary<string, JsonObject> schemas, ICollection<string>? unapplied)
    {
        if (_omitted["properties"] is not JsonArray entries)
        {
            return;
        }

        foreach (var item in entries)
        {
            var entry = (JsonObject)item!;
            var name = Text(entry, "schema");
            var property = Text(entry, "property");
            var kind = Text(entry, "kind");
            if (!schemas.TryGetValue(name, out var schema) || Declaring(schema, property) is not { } owner)
            {
                unapplied?.Add($"{name}.{property}: not in the synced schemas");
                continue;
            }

            switch (kind)
            {
                case "omitted":
                    RemoveRequired(schema, property);
                    if (!ReferenceEquals(owner, schema))
                    {
                        RemoveRequired(owner, property);
                    }

                    break;
                case "null":
                    owner["properties"]![property] = WithNull(owner["properties"]![property]!);
                    break;
                default:
                    throw new InvalidOperationException($"omitted-properties.json: {name}.{property} has kind '{kind}' (omitted or null)");
            }
        }
    }

    // The object (the schema itself or one of its inline allOf parts) that declares the property.
    private static JsonObject? Declaring(JsonObject schema, string property)
    {
        if (schema["properties"] is JsonObject properties && properties.ContainsKey(property))
        {
            return schema;
        }

        return (schema["allOf"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(p => p["properties"] is JsonObject ps && ps.ContainsKey(property));
    }

    private static void RemoveRequired(JsonObject schema, string property)
    {
        if (schema["required"] is JsonArray required)
        {
            foreach (var r in required.Where(r => r is JsonValue v && v.GetValue<string>() == property).ToList())
            {
                required.Remove(r);
            }

            if (required.Count == 0)
            {
                schema.Remove("required");
            }
        }
    }

    private static JsonNode WithNull(JsonNode property)
    {
        var obj = (JsonObject)property.DeepClone();
        if (obj["$ref"] is JsonNode reference)
        {
            var result = new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["$ref"] = reference.DeepClone() }, new JsonObject { ["type"] = "null" }) };
            foreach (var pair in obj.Where(p => p.Key != "$ref").ToList())
            {
                result[pair.Key] = pair.Value?.DeepClone();
            }

            return result;
        }

        switch (obj["type"])
        {
            case JsonValue t when t.GetValue<string>() != "null":
                obj["type"] = new JsonArray(t.GetValue<string>(), "null");
                break;
            case JsonArray types when !types.Any(x => x!.GetValue<string>() == "null"):
                types.Add("null");
                break;
        }

        if ((obj["anyOf"] ?? obj["oneOf"]) is JsonArray members && !members.Any(m => m?["type"] is JsonValue v && v.GetValue<string>() == "null"))
        {
            members.Add(new JsonObject { ["type"] = "null" });
        }

        return obj;
    }

    private static List<JsonObject> Entries(JsonObject file, string key, string provider)
        => (file[key] as JsonArray)?.OfType<JsonObject>().Where(e => e["provider"]?.GetValue<string>() == provider).ToList() ?? new List<JsonObject>();

    private static string Text(JsonObject entry, string key)
        => entry[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new InvalidOperationException($"amendment entry without '{key}': {entry.ToJsonString()}");

    private static string Describe(JsonObject entry)
        => entry["name"]?.GetValue<string>() is { } name ? "schema " + name
            : entry["union"]?.GetValue<string>() is { } union ? "union " + union + " is missing or not a union"
            : entry["schema"]?.GetValue<string>() is { } owner ? "schema " + owner + " (to add properties to) is missing or has no properties"
            : "pointer " + entry["pointer"]?.GetValue<string>() + " is missing";

    private static JsonNode? Resolve(JsonNode root, string pointer)
    {
        var node = root;
        foreach (var part in pointer.Split('/').Skip(1))
        {
            node = node is JsonObject obj ? obj[Unescape(part)] : null;
            if (node == null)
            {
                return null;
            }
        }

        return node;
    }

    private static string Unescape(string token) => token.Replace("~1", "/").Replace("~0", "~");

    // A deep copy whose nodes keep the original nodes' file positions (so errors still point into the file).
    private static JsonNode? Copy(JsonNode? node, SourceMap from, SourceMap to)
    {
        JsonNode? result;
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var o = new JsonObject();
                foreach (var pair in obj)
                {
                    o[pair.Key] = Copy(pair.Value, from, to);
                }

                result = o;
                break;
            case JsonArray array:
                var a = new JsonArray();
                foreach (var item in array)
                {
                    a.Add(Copy(item, from, to));
                }

                result = a;
                break;
            default:
                result = node.DeepClone();
                break;
        }

        if (from.Find(node) is { } position)
        {
            to.Add(result, position);
        }

        return result;
    }
}
