using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Foundry.Generated.Generator.Naming;
using Foundry.Generated.Generator.OpenApi;

namespace Foundry.Generated.Generator.Schemas;

/// <summary>A component's properties with its allOf parts flattened (later parts replace earlier definitions in place).</summary>
internal static class AllOfFlattener
{
    public readonly struct FlatProperty
    {
        public FlatProperty(string jsonName, JsonElement schema, bool required, string pointer)
        {
            JsonName = jsonName;
            Schema = schema;
            Required = required;
            Pointer = pointer;
        }

        public string JsonName { get; }

        public JsonElement Schema { get; }

        public bool Required { get; }

        /// <summary>Where the property is defined (in an allOf part or another component, for inherited ones).</summary>
        public string Pointer { get; }
    }

    /// <summary>Properties of a component with allOf flattened: later parts replace earlier definitions in place.</summary>
    public static List<FlatProperty> Properties(SpecDocument doc, string id)
    {
        var order = new List<string>();
        var schemas = new Dictionary<string, (JsonElement Schema, string Pointer)>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        Collect(doc, doc.Schemas[id], TypeNames.SchemaPointer(id), order, schemas, required, new HashSet<string>(StringComparer.Ordinal) { id });
        return order.Select(n => new FlatProperty(n, schemas[n].Schema, required.Contains(n), schemas[n].Pointer)).ToList();
    }

    private static void Collect(SpecDocument doc, JsonElement schema, string pointer, List<string> order, Dictionary<string, (JsonElement, string)> schemas, HashSet<string> required, HashSet<string> visiting)
    {
        var index = 0;
        foreach (var part in SpecJson.Items(schema, "allOf"))
        {
            var partPointer = pointer + "/allOf/" + index++;
            if (SpecJson.String(part, "$ref") is { } r && SpecDocument.SchemaName(r) is { } target && doc.Schemas.TryGetValue(target, out var targetSchema))
            {
                if (visiting.Add(target))
                {
                    Collect(doc, targetSchema, TypeNames.SchemaPointer(target), order, schemas, required, visiting);
                    visiting.Remove(target);
                }
            }
            else
            {
                Collect(doc, part, partPointer, order, schemas, required, visiting);
            }
        }

        foreach (var property in SpecJson.Properties(schema, "properties"))
        {
            if (!schemas.ContainsKey(property.Name))
            {
                order.Add(property.Name);
            }

            schemas[property.Name] = (property.Value, pointer + "/properties/" + Foundry.Generated.Catalog.Json.JsonPointer.Escape(property.Name));
        }

        foreach (var r in SpecJson.Items(schema, "required"))
        {
            if (r.ValueKind == JsonValueKind.String)
            {
                required.Add(r.GetString()!);
            }
        }
    }
}
