using System.Collections.Generic;
using System.Text.Json;
using System;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Catalog.Json;
using Foundry.Generated.Generator.Diagnostics;
using Foundry.Generated.Generator.Model;

namespace Foundry.Generated.Generator.OpenApi;

/// <summary>The parsed spec text plus problem reporting at JSON pointers (resolved to file positions).</summary>
internal sealed class SpecDocument
{
    public const string SchemaPrefix = "#/components/schemas/";

    private readonly string _text;

    private SpecDocument(string path, string text, JsonElement root)
    {
        Path = path;
        _text = text;
        Root = root;
        Schemas = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        if (SpecJson.Object(root, "components") is { } components)
        {
            foreach (var schema in SpecJson.Properties(components, "schemas"))
            {
                Schemas[schema.Name] = schema.Value;
            }
        }
    }

    public string Path { get; }

    public JsonElement Root { get; }

    public SortedDictionary<string, JsonElement> Schemas { get; }

    public List<GeneratorProblem> Problems { get; } = new List<GeneratorProblem>();

    /// <summary>Parses the text; invalid JSON gives FDRY100 at the error position and no document.</summary>
    public static SpecDocument? Parse(string path, string text, List<GeneratorProblem> problems, out JsonDocument? owner)
    {
        owner = null;
        if (JsonLocator.FindSyntaxError(text) is { } error)
        {
            problems.Add(new GeneratorProblem(DiagnosticIds.SpecInvalidJson, path, error.Position, new[] { path, error.Message }.ToEquatableArray()));
            return null;
        }

        owner = JsonDocument.Parse(text);
        if (FindInvalidString(owner.RootElement, string.Empty) is { } invalid)
        {
            // Valid JSON grammar, but a \ud800-style escape that is no UTF-16 text: nothing can name a type after it.
            problems.Add(new GeneratorProblem(DiagnosticIds.SpecInvalidJson, path, JsonLocator.Locate(text, invalid), new[] { path, "the string at '" + invalid + "' is not valid Unicode (a lone surrogate escape)" }.ToEquatableArray()));
            return null;
        }

        if (owner.RootElement.ValueKind != JsonValueKind.Object || SpecJson.Object(owner.RootElement, "paths") == null)
        {
            var where = owner.RootElement.ValueKind == JsonValueKind.Object && owner.RootElement.TryGetProperty("paths", out _) ? "/paths" : string.Empty;
            var what = where.Length > 0 ? "'paths' is not an object" : owner.RootElement.ValueKind == JsonValueKind.Object ? "it has no 'paths'" : "it is not a JSON object";
            problems.Add(new GeneratorProblem(DiagnosticIds.SpecNotOpenApi, path, JsonLocator.Locate(text, where), new[] { path, what }.ToEquatableArray()));
            return null;
        }

        return new SpecDocument(path, text, owner.RootElement);
    }

    public void Report(string descriptorId, string pointer, params string[] args)
        => Problems.Add(new GeneratorProblem(descriptorId, Path, JsonLocator.Locate(_text, pointer), args.ToEquatableArray()));

    /// <summary>The pointer of the first string or property name that is not valid UTF-16 (System.Text.Json cannot read it).</summary>
    private static string? FindInvalidString(JsonElement element, string pointer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return pointer;
                    }

                    if (FindInvalidString(property.Value, pointer + "/" + Foundry.Generated.Catalog.Json.JsonPointer.Escape(name)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindInvalidString(item, pointer + "/" + i++) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.String:
                try
                {
                    _ = element.GetString();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return pointer;
                }

            default:
                return null;
        }
    }

    /// <summary>
    /// The schema id a <c>$ref</c> names (<c>#/components/schemas/{id}</c>, the id JSON-pointer escaped: <c>~1</c> for
    /// <c>/</c>, <c>~0</c> for <c>~</c>), or null when it names something else (a path into a schema included).
    /// </summary>
    public static string? SchemaName(string reference)
    {
        if (!reference.StartsWith(SchemaPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var token = reference.Substring(SchemaPrefix.Length);
        return token.IndexOf('/') >= 0 ? null : Foundry.Generated.Catalog.Json.JsonPointer.Unescape(token);
    }

    /// <summary>Reports every <c>$ref</c> whose target is missing (FDRY102), located at the reference itself.</summary>
    public void CheckReferences()
    {
        Walk(Root, string.Empty);
    }

    private void Walk(JsonElement element, string pointer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var child = pointer + "/" + Foundry.Generated.Catalog.Json.JsonPointer.Escape(property.Name);
                    if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        CheckReference(property.Value.GetString()!, child, pointer);
                    }
                    else
                    {
                        Walk(property.Value, child);
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, pointer + "/" + i++);
                }

                break;
        }
    }

    private void CheckReference(string reference, string pointer, string owner)
    {
        var exists = reference.StartsWith("#/", StringComparison.Ordinal) && Resolve(reference.Substring(2)) != null;
        if (!exists)
        {
            Report(DiagnosticIds.SpecBrokenReference, pointer, owner.Length == 0 ? "/" : owner, reference);
        }
    }

    /// <summary>Whether a local reference (<c>#/…</c>) points at something in the document.</summary>
    public bool Exists(string reference) => reference.StartsWith("#/", StringComparison.Ordinal) && Resolve(reference.Substring(2)) != null;

    private JsonElement? Resolve(string pointer)
    {
        var current = Root;
        foreach (var raw in pointer.Split('/'))
        {
            var segment = Foundry.Generated.Catalog.Json.JsonPointer.Unescape(raw);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current;
    }
}
