using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Foundry.Generated.Generator.Diagnostics;
using Foundry.Generated.Generator.Model;
using Foundry.Generated.Generator.Naming;
using Foundry.Generated.Generator.OpenApi;
using static Foundry.Generated.Generator.Schemas.SchemaShapes;

namespace Foundry.Generated.Generator.Schemas;

/// <summary>
/// The C# type of each schema position: a generated type by its name, a primitive, a list or a map; an alias component
/// resolved through (cycles reported); what C# is not given reported once per place as FDRY103.
/// </summary>
internal sealed class TypeResolver
{
    private readonly SpecDocument _doc;
    private readonly string _root;
    private readonly TypeNames _names;
    private readonly SchemaClassification _classes;
    private readonly Dictionary<string, TypeRef> _aliasCache = new Dictionary<string, TypeRef>(StringComparer.Ordinal);
    private readonly HashSet<string> _resolvingAliases = new HashSet<string>(StringComparer.Ordinal);

    public TypeResolver(SpecDocument doc, string rootNamespace, TypeNames names, SchemaClassification classes)
    {
        _doc = doc;
        _root = rootNamespace;
        _names = names;
        _classes = classes;
    }

    /// <summary>
    /// The C# type of a schema position; <paramref name="pointer"/> is where it is in the spec. A schema that says what
    /// its value is in a way C# is not given (an inline union of several types, a list of types, an inline object with
    /// properties, an unknown type) falls back to <c>JsonElement</c> and is reported there (FDRY103); free-form values
    /// (<c>{}</c>, <c>"type": "object"</c> without properties) are <c>JsonElement</c> by design and are not.
    /// </summary>
    public TypeRef Resolve(JsonElement schema, string pointer)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            if (schema.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Unsupported(pointer, "a schema that is a JSON " + schema.ValueKind.ToString().ToLowerInvariant() + ", not an object");
            }

            return TypeRef.Primitive(TypeKind.Json);
        }

        if (SpecJson.String(schema, "x-foundry-model-route") is { } route)
        {
            var typeName = RouteNames.ModelTypeName(route);
            if (typeName == null)
            {
                _doc.Report(DiagnosticIds.SpecUnknownRoute, pointer, pointer, route);
                return TypeRef.Primitive(TypeKind.String);
            }

            return new TypeRef(TypeKind.Struct, "global::" + _root + "." + typeName, null, false);
        }

        if (SpecJson.Get(schema, "$ref") is { } reference)
        {
            if (reference.ValueKind != JsonValueKind.String)
            {
                Unsupported(pointer, "a $ref that is not a string");
                return TypeRef.Primitive(TypeKind.Json);
            }

            var target = SpecDocument.SchemaName(reference.GetString()!);
            if (target == null && _doc.Exists(reference.GetString()!))
            {
                Unsupported(pointer, "a $ref to '" + reference.GetString() + "', which is not a schema of #/components/schemas");
            }

            return ResolveComponent(target, pointer);
        }

        if (UnionMembersWithKeyword(schema) is (var keyword, { } members))
        {
            var nonNull = Enumerable.Range(0, members.Count).Where(i => !IsNull(members[i])).ToList();
            var nullable = nonNull.Count != members.Count;
            if (nonNull.Count != 1)
            {
                Unsupported(pointer + "/" + keyword, nonNull.Count == 0
                    ? "a " + keyword + " without a schema that is not null"
                    : "an inline " + keyword + " of " + nonNull.Count + " schemas (a union is generated only for a component)");
            }

            var type = nonNull.Count == 1 ? Resolve(members[nonNull[0]], pointer + "/" + keyword + "/" + nonNull[0]) : TypeRef.Primitive(TypeKind.Json);
            return nullable ? type.AsNullable() : type;
        }

        var (kind, typeNullable) = PrimaryType(schema);
        TypeRef result;
        switch (kind)
        {
            case "string":
                result = TypeRef.Primitive(TypeKind.String);
                break;
            case "integer":
                result = TypeRef.Primitive(IsInt64(schema) ? TypeKind.Int64 : TypeKind.Int32);
                break;
            case "number":
                result = TypeRef.Primitive(TypeKind.Double);
                break;
            case "boolean":
                result = TypeRef.Primitive(TypeKind.Boolean);
                break;
            case "array":
                var items = SpecJson.Get(schema, "items") is { } i ? Resolve(i, pointer + "/items") : TypeRef.Primitive(TypeKind.Json);
                result = new TypeRef(TypeKind.Array, null, items, false);
                break;
            case "object" when SpecJson.Object(schema, "additionalProperties") is { } ap && ap.EnumerateObject().Any() && !SpecJson.Has(schema, "properties"):
                result = new TypeRef(TypeKind.Map, null, Resolve(ap, pointer + "/additionalProperties"), false);
                break;
            default:
                if (Construct(schema, kind) is { } construct)
                {
                    Unsupported(pointer, construct);
                }

                result = TypeRef.Primitive(TypeKind.Json);
                break;
        }

        return typeNullable ? result.AsNullable() : result;
    }

    /// <summary>What a schema that falls back to JSON says about its value, or null when it is free-form.</summary>
    private static string? Construct(JsonElement schema, string? kind)
    {
        var type = SpecJson.Get(schema, "type");
        if (type is { ValueKind: JsonValueKind.Array } types && kind == null)
        {
            var names = types.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString() : t.GetRawText()).Where(t => t != "null").ToList();
            if (names.Count != 0)
            {
                return "several types (" + string.Join(", ", names) + ")";
            }
        }
        else if (kind != null && kind is not ("object" or "null"))
        {
            return "the type '" + kind + "'";
        }
        else if (type is { ValueKind: not (JsonValueKind.String or JsonValueKind.Array) } other)
        {
            return "a 'type' that is a JSON " + other.ValueKind.ToString().ToLowerInvariant();
        }

        foreach (var keyword in new[] { "properties", "allOf", "enum", "const", "not", "if", "prefixItems", "patternProperties" })
        {
            if (SpecJson.Has(schema, keyword))
            {
                return keyword switch
                {
                    "properties" => "an inline object with properties (a record is generated only for a component)",
                    "allOf" => "an inline allOf (a record is generated only for a component)",
                    "enum" or "const" => "'" + keyword + "' without a type",
                    _ => "'" + keyword + "'",
                };
            }
        }

        return null;
    }

    private readonly HashSet<string> _unsupported = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>FDRY103 at <paramref name="pointer"/>, once per place (a shared schema is resolved for each user).</summary>
    private void Unsupported(string pointer, string construct)
    {
        if (_unsupported.Add(pointer))
        {
            const string prefix = "/components/schemas/";
            var subject = pointer.StartsWith(prefix, StringComparison.Ordinal) ? Foundry.Generated.Catalog.Json.JsonPointer.Unescape(pointer.Substring(prefix.Length)) : pointer;
            _doc.Report(DiagnosticIds.SpecUnsupportedConstruct, pointer, subject, construct);
        }
    }

    private TypeRef ResolveComponent(string? id, string pointer)
    {
        if (id == null || !_doc.Schemas.ContainsKey(id))
        {
            // Broken reference (already reported as FDRY102): keep the value as raw JSON.
            return TypeRef.Primitive(TypeKind.Json);
        }

        id = _classes.Canonical(id);
        switch (_classes.Kinds[id])
        {
            case TypeModelKind.Record:
            case TypeModelKind.DiscriminatedUnion:
                return new TypeRef(TypeKind.Record, _names.FullName(id), null, false);
            case TypeModelKind.Union:
                var nullable = UnionMembers(_doc.Schemas[id])!.Any(IsNull);
                return new TypeRef(TypeKind.Struct, _names.FullName(id), null, nullable);
            case TypeModelKind.Enum:
                return new TypeRef(TypeKind.Struct, _names.FullName(id), null, false);
        }

        if (_aliasCache.TryGetValue(id, out var cached))
        {
            return cached;
        }

        if (!_resolvingAliases.Add(id))
        {
            Unsupported(pointer, "a $ref cycle through '" + id + "', which has no type of its own");
            return TypeRef.Primitive(TypeKind.Json);
        }

        var resolved = Resolve(_doc.Schemas[id], TypeNames.SchemaPointer(id));
        _resolvingAliases.Remove(id);
        _aliasCache[id] = resolved;
        return resolved;
    }
}
