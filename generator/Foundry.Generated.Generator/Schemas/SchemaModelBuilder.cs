using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Generator.Emit;
using Foundry.Generated.Generator.Model;
using RouteNames = Foundry.Generated.Generator.Model.RouteNames;

namespace Foundry.Generated.Generator.Schemas;

/// <summary>
/// Turns the normalised spec's components into <see cref="TypeModel"/>s: records (allOf flattened, later parts win),
/// discriminated unions (identical ones aliased; members shared by several unions derive from the largest and get
/// <c>…Case</c> wrappers in the others), non-discriminated union structs, extensible enums, and aliases for
/// primitive, array and map components (which are inlined where used).
/// </summary>
internal sealed class SchemaModelBuilder
{
    private readonly SpecDocument _doc;
    private readonly string _root;
    private readonly TypeNames _names;
    private readonly Dictionary<string, TypeModelKind?> _kinds = new Dictionary<string, TypeModelKind?>(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unionAliases = new Dictionary<string, string>(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _primaryUnion = new Dictionary<string, string>(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _aliasCache = new Dictionary<string, TypeRef>(StringComparer.Ordinal);
    private readonly HashSet<string> _resolvingAliases = new HashSet<string>(StringComparer.Ordinal);

    private SchemaModelBuilder(SpecDocument doc, string rootNamespace)
    {
        _doc = doc;
        _root = rootNamespace;
        _names = new TypeNames(doc.Schemas.Keys, rootNamespace, doc);
    }

    public static List<TypeModel> Build(SpecDocument doc, string rootNamespace, CancellationToken cancellationToken)
    {
        var builder = new SchemaModelBuilder(doc, rootNamespace);
        builder.Classify();
        var types = new List<TypeModel>();
        foreach (var pair in doc.Schemas)
        {
            cancellationToken.ThrowIfCancellationRequested();
            builder.AddTypes(pair.Key, pair.Value, types);
        }

        return types;
    }

    // ---- classification ----

    private void Classify()
    {
        foreach (var pair in _doc.Schemas)
        {
            _kinds[pair.Key] = KindOf(pair.Value);
        }

        // Unions with the same discriminator and mapping are one type.
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in _doc.Schemas.Where(p => _kinds[p.Key] == TypeModelKind.DiscriminatedUnion))
        {
            var key = DiscriminatorProperty(pair.Value) + "|" + string.Join(",", Mapping(pair.Value).Select(m => m.Value + "=" + m.Target));
            if (seen.TryGetValue(key, out var canonical))
            {
                _unionAliases[pair.Key] = canonical;
            }
            else
            {
                seen[key] = pair.Key;
            }
        }

        // Each member derives from its largest union (then the first by name).
        var unions = _doc.Schemas.Where(p => _kinds[p.Key] == TypeModelKind.DiscriminatedUnion && !_unionAliases.ContainsKey(p.Key))
            .OrderByDescending(p => Mapping(p.Value).Count).ThenBy(p => p.Key, StringComparer.Ordinal);
        foreach (var union in unions)
        {
            foreach (var member in Mapping(union.Value))
            {
                if (_kinds.TryGetValue(member.Target, out var kind) && kind == TypeModelKind.Record && !_primaryUnion.ContainsKey(member.Target))
                {
                    _primaryUnion[member.Target] = union.Key;
                }
            }
        }
    }

    private TypeModelKind? KindOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("discriminator", out _) && schema.TryGetProperty("oneOf", out _))
        {
            return TypeModelKind.DiscriminatedUnion;
        }

        if (UnionMembers(schema) is { } members)
        {
            return members.Count(m => !IsNull(m)) >= 2 ? TypeModelKind.Union : null;
        }

        if (schema.TryGetProperty("enum", out var values) && values.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) && !schema.TryGetProperty("const", out _))
        {
            return TypeModelKind.Enum;
        }

        if (schema.TryGetProperty("properties", out _) || schema.TryGetProperty("allOf", out _))
        {
            return TypeModelKind.Record;
        }

        return null;
    }

    // ---- types ----

    private void AddTypes(string id, JsonElement schema, List<TypeModel> types)
    {
        var kind = _kinds[id];
        if (kind == null || _unionAliases.ContainsKey(id))
        {
            return;
        }

        var ns = _names.Namespace(id);
        var name = _names.Name(id);
        switch (kind.Value)
        {
            case TypeModelKind.Record:
                types.Add(BuildRecord(id, ns, name));
                break;
            case TypeModelKind.Enum:
                var values = schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).Distinct().ToEquatableArray();
                types.Add(new TypeModel(TypeModelKind.Enum, id, ns, name, default, default, values, null, null, null, null, null));
                break;
            case TypeModelKind.Union:
                types.Add(BuildUnion(id, schema, ns, name));
                break;
            case TypeModelKind.DiscriminatedUnion:
                BuildDiscriminatedUnion(id, schema, ns, name, types);
                break;
        }
    }

    private TypeModel BuildRecord(string id, string ns, string name)
    {
        string? baseType = null;
        string? discriminatorJson = null;
        string? discriminatorCs = null;
        string? discriminatorValue = null;
        if (_primaryUnion.TryGetValue(id, out var union))
        {
            var unionSchema = _doc.Schemas[union];
            baseType = _names.FullName(union);
            discriminatorJson = DiscriminatorProperty(unionSchema);
            discriminatorCs = CSharpIdentifiers.ToPascalCase(discriminatorJson);
            discriminatorValue = Mapping(unionSchema).First(m => m.Target == id).Value;
        }

        var properties = new List<PropertyModel>();
        var used = new HashSet<string>(StringComparer.Ordinal) { name, "AdditionalProperties", "WriteJson", "ReadJson", "EqualityContract", "Equals", "GetHashCode", "ToString", "Deconstruct", "Clone", "GetType" };
        if (discriminatorCs != null)
        {
            used.Add(discriminatorCs);
        }

        foreach (var property in FlattenProperties(id))
        {
            if (property.JsonName == discriminatorJson)
            {
                continue;
            }

            var type = Resolve(property.Schema, "/components/schemas/" + id);
            if (!property.Required)
            {
                type = type.AsNullable();
            }

            var csName = CSharpIdentifiers.ToPascalCase(property.JsonName);
            if (used.Contains(csName))
            {
                csName += "Value";
            }

            var n = 2;
            var unique = csName;
            while (!used.Add(unique))
            {
                unique = csName + n++;
            }

            // A required constant is computed and always written; an optional one is an ordinary optional string,
            // so it round-trips (providers send such fields on some events only).
            var constant = property.Required && property.Schema.TryGetProperty("const", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            properties.Add(new PropertyModel(property.JsonName, unique, type, property.Required, constant));
        }

        return new TypeModel(TypeModelKind.Record, id, ns, name, properties.ToEquatableArray(), default, default, baseType, discriminatorJson, discriminatorCs, discriminatorValue, null);
    }

    private void BuildDiscriminatedUnion(string id, JsonElement schema, string ns, string name, List<TypeModel> types)
    {
        var property = DiscriminatorProperty(schema);
        var cases = new List<UnionCase>();
        foreach (var member in Mapping(schema))
        {
            if (!_kinds.TryGetValue(member.Target, out var kind) || kind != TypeModelKind.Record)
            {
                continue;
            }

            if (_primaryUnion.TryGetValue(member.Target, out var primary) && primary == id)
            {
                cases.Add(new UnionCase(member.Value, new TypeRef(TypeKind.Record, _names.FullName(member.Target), null, false), _names.Name(member.Target), default));
                continue;
            }

            // Already derives from another union: wrap it.
            var wrapperName = name + _names.Name(member.Target);
            var wrapped = new TypeRef(TypeKind.Record, _names.FullName(member.Target), null, false);
            types.Add(new TypeModel(TypeModelKind.UnionCase, id + "/" + member.Target, ns, wrapperName, default, default, default, "global::" + ns + "." + name, property, CSharpIdentifiers.ToPascalCase(property), member.Value, wrapped));
            cases.Add(new UnionCase(member.Value, new TypeRef(TypeKind.Record, "global::" + ns + "." + wrapperName, null, false), wrapperName, default));
        }

        types.Add(new TypeModel(TypeModelKind.DiscriminatedUnion, id, ns, name, default, cases.ToEquatableArray(), default, null, property, CSharpIdentifiers.ToPascalCase(property), null, null));
    }

    private TypeModel BuildUnion(string id, JsonElement schema, string ns, string name)
    {
        var cases = new List<UnionCase>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in UnionMembers(schema)!.Where(m => !IsNull(m)))
        {
            var type = Resolve(member, "/components/schemas/" + id).AsNonNullable();
            if (cases.Any(c => c.Type.CSharp == type.CSharp))
            {
                continue;
            }

            var memberName = MemberName(type);
            var unique = memberName;
            var n = 2;
            while (!names.Add(unique))
            {
                unique = memberName + n++;
            }

            cases.Add(new UnionCase(null, type, unique, TypeValues(member)));
        }

        return new TypeModel(TypeModelKind.Union, id, ns, name, default, cases.ToEquatableArray(), default, null, null, null, null, null);
    }

    /// <summary>The <c>type</c> values an object member accepts, so a union can pick a member by peeking at it.</summary>
    private EquatableArray<string> TypeValues(JsonElement member)
    {
        var values = new List<string>();
        if (member.TryGetProperty("$ref", out var r) && SpecDocument.SchemaName(r.GetString()!) is { } target && _doc.Schemas.TryGetValue(target, out var schema))
        {
            target = _unionAliases.TryGetValue(target, out var alias) ? alias : target;
            schema = _doc.Schemas[target];
            if (_kinds[target] == TypeModelKind.DiscriminatedUnion && DiscriminatorProperty(schema) == "type")
            {
                values.AddRange(Mapping(schema).Select(m => m.Value));
            }
            else if (FlattenProperties(target).FirstOrDefault(p => p.JsonName == "type") is { Schema: var t } && t.ValueKind == JsonValueKind.Object && t.TryGetProperty("const", out var c) && c.ValueKind == JsonValueKind.String)
            {
                values.Add(c.GetString()!);
            }
        }

        return values.ToEquatableArray();
    }

    private static string MemberName(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "String",
        TypeKind.Int32 => "Int32",
        TypeKind.Int64 => "Int64",
        TypeKind.Double => "Double",
        TypeKind.Boolean => "Boolean",
        TypeKind.Json => "Json",
        TypeKind.Array => MemberName(type.Element!) + "List",
        TypeKind.Map => MemberName(type.Element!) + "Map",
        _ => type.Name!.Substring(type.Name!.LastIndexOf('.') + 1),
    };

    // ---- type references ----

    /// <summary>The C# type of a schema position.</summary>
    public TypeRef Resolve(JsonElement schema, string pointer)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return TypeRef.Primitive(TypeKind.Json);
        }

        if (schema.TryGetProperty("x-foundry-model-route", out var route) && route.ValueKind == JsonValueKind.String)
        {
            var typeName = RouteNames.ModelTypeName(route.GetString()!);
            if (typeName == null)
            {
                _doc.Report("FDRY104", pointer, pointer, route.GetString()!);
                return TypeRef.Primitive(TypeKind.String);
            }

            return new TypeRef(TypeKind.Struct, "global::" + _root + "." + typeName, null, false);
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            return ResolveComponent(SpecDocument.SchemaName(reference.GetString() ?? string.Empty));
        }

        if (UnionMembers(schema) is { } members)
        {
            var nonNull = members.Where(m => !IsNull(m)).ToList();
            var nullable = nonNull.Count != members.Count;
            var type = nonNull.Count == 1 ? Resolve(nonNull[0], pointer) : TypeRef.Primitive(TypeKind.Json);
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
                var items = schema.TryGetProperty("items", out var i) ? Resolve(i, pointer) : TypeRef.Primitive(TypeKind.Json);
                result = new TypeRef(TypeKind.Array, null, items, false);
                break;
            case "object" when schema.TryGetProperty("additionalProperties", out var ap) && ap.ValueKind == JsonValueKind.Object && ap.EnumerateObject().Any() && !schema.TryGetProperty("properties", out _):
                result = new TypeRef(TypeKind.Map, null, Resolve(ap, pointer), false);
                break;
            default:
                result = TypeRef.Primitive(TypeKind.Json);
                break;
        }

        return typeNullable ? result.AsNullable() : result;
    }

    private TypeRef ResolveComponent(string? id)
    {
        if (id == null || !_doc.Schemas.ContainsKey(id))
        {
            // Broken reference (already reported as FDRY102): keep the value as raw JSON.
            return TypeRef.Primitive(TypeKind.Json);
        }

        id = _unionAliases.TryGetValue(id, out var alias) ? alias : id;
        switch (_kinds[id])
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
            return TypeRef.Primitive(TypeKind.Json);
        }

        var resolved = Resolve(_doc.Schemas[id], "/components/schemas/" + id);
        _resolvingAliases.Remove(id);
        _aliasCache[id] = resolved;
        return resolved;
    }

    // ---- helpers over the schema JSON ----

    private readonly struct FlatProperty
    {
        public FlatProperty(string jsonName, JsonElement schema, bool required)
        {
            JsonName = jsonName;
            Schema = schema;
            Required = required;
        }

        public string JsonName { get; }

        public JsonElement Schema { get; }

        public bool Required { get; }
    }

    /// <summary>Properties of a component with allOf flattened: later parts replace earlier definitions in place.</summary>
    private List<FlatProperty> FlattenProperties(string id)
    {
        var order = new List<string>();
        var schemas = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        Collect(_doc.Schemas[id], order, schemas, required, new HashSet<string>(StringComparer.Ordinal) { id });
        return order.Select(n => new FlatProperty(n, schemas[n], required.Contains(n))).ToList();
    }

    private void Collect(JsonElement schema, List<string> order, Dictionary<string, JsonElement> schemas, HashSet<string> required, HashSet<string> visiting)
    {
        if (schema.TryGetProperty("allOf", out var parts))
        {
            foreach (var part in parts.EnumerateArray())
            {
                if (part.TryGetProperty("$ref", out var r) && SpecDocument.SchemaName(r.GetString() ?? string.Empty) is { } target && _doc.Schemas.TryGetValue(target, out var targetSchema))
                {
                    if (visiting.Add(target))
                    {
                        Collect(targetSchema, order, schemas, required, visiting);
                        visiting.Remove(target);
                    }
                }
                else
                {
                    Collect(part, order, schemas, required, visiting);
                }
            }
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (!schemas.ContainsKey(property.Name))
                {
                    order.Add(property.Name);
                }

                schemas[property.Name] = property.Value;
            }
        }

        if (schema.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in req.EnumerateArray())
            {
                if (r.ValueKind == JsonValueKind.String)
                {
                    required.Add(r.GetString()!);
                }
            }
        }

    }

    private static string DiscriminatorProperty(JsonElement schema)
        => schema.GetProperty("discriminator").TryGetProperty("propertyName", out var p) ? p.GetString() ?? "type" : "type";

    private static List<(string Value, string Target)> Mapping(JsonElement schema)
    {
        var result = new List<(string, string)>();
        if (schema.TryGetProperty("discriminator", out var d) && d.TryGetProperty("mapping", out var mapping) && mapping.ValueKind == JsonValueKind.Object)
        {
            foreach (var pair in mapping.EnumerateObject())
            {
                if (SpecDocument.SchemaName(pair.Value.GetString() ?? string.Empty) is { } target)
                {
                    result.Add((pair.Name, target));
                }
            }
        }

        return result;
    }

    private static List<JsonElement>? UnionMembers(JsonElement schema)
    {
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var members) && members.ValueKind == JsonValueKind.Array)
            {
                return members.EnumerateArray().ToList();
            }
        }

        return null;
    }

    private static bool IsNull(JsonElement schema)
        => schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null";

    private static (string? Kind, bool Nullable) PrimaryType(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return (null, false);
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return (type.GetString(), false);
        }

        var types = type.EnumerateArray().Select(t => t.GetString()).ToList();
        var nonNull = types.Where(t => t != "null").ToList();
        return (nonNull.Count == 1 ? nonNull[0] : null, types.Contains("null"));
    }

    private static bool IsInt64(JsonElement schema)
    {
        if (schema.TryGetProperty("format", out var f) && f.GetString() is "int64" or "unixtime")
        {
            return true;
        }

        foreach (var bound in new[] { "maximum", "minimum" })
        {
            if (schema.TryGetProperty(bound, out var b) && b.ValueKind == JsonValueKind.Number && (!b.TryGetInt64(out var v) || v > int.MaxValue || v < int.MinValue))
            {
                return true;
            }
        }

        return false;
    }
}
