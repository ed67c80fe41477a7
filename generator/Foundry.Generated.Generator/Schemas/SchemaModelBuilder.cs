using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Generator.Diagnostics;
using Foundry.Generated.Generator.Model;
using RouteNames = Foundry.Generated.Generator.Model.RouteNames;
using Foundry.Generated.Generator.Naming;
using Foundry.Generated.Generator.OpenApi;

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
    private readonly Dictionary<string, (string Json, string CSharp)> _discriminators = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _wrapperNames = new Dictionary<string, string>(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unknownNames = new Dictionary<string, string>(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _aliasCache = new Dictionary<string, TypeRef>(StringComparer.Ordinal);
    private readonly HashSet<string> _resolvingAliases = new HashSet<string>(StringComparer.Ordinal);

    private SchemaModelBuilder(SpecDocument doc, string rootNamespace, IEnumerable<string> clientNames)
    {
        _doc = doc;
        _root = rootNamespace;
        Classify();
        _names = new TypeNames(doc, rootNamespace, clientNames);
        NameTypes();
    }

    /// <summary>All routes' clients reserve their names (as in the benchmarks' phase timing).</summary>
    public static List<TypeModel> Build(SpecDocument doc, string rootNamespace, CancellationToken cancellationToken)
        => Build(doc, Pipeline.GeneratorOptions.Default with { RootNamespace = rootNamespace }, cancellationToken);

    public static List<TypeModel> Build(SpecDocument doc, Pipeline.GeneratorOptions options, CancellationToken cancellationToken)
    {
        var clients = ClientNaming.Assign(doc, options, report: false).Values.Select(c => c.ClassName).Distinct(StringComparer.Ordinal);
        var builder = new SchemaModelBuilder(doc, options.RootNamespace, clients);
        var types = new List<TypeModel>();
        foreach (var pair in doc.Schemas)
        {
            cancellationToken.ThrowIfCancellationRequested();
            builder.AddTypes(pair.Key, pair.Value, types);
        }

        return ChoiceShapes.Mark(types);
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

        // The discriminator property every member declares: not a member the emitters add (Raw, Value, WriteJson, ...).
        foreach (var union in _doc.Schemas.Where(p => _kinds[p.Key] == TypeModelKind.DiscriminatedUnion && !_unionAliases.ContainsKey(p.Key)))
        {
            var json = DiscriminatorProperty(union.Value);
            var scope = new NameScope("Value")
                .Reserve(CSharpIdentifiers.RecordMembers, "a member every generated union has")
                .Reserve(CSharpIdentifiers.UnknownMemberMembers, "a member of its Unknown… member")
                .Reserve(CSharpIdentifiers.WrapperMembers, "a member of the wrappers of members it shares with other unions");
            var wanted = CSharpIdentifiers.Identifier(json);
            var name = scope.Claim(wanted, "the discriminator", out var takenBy);
            if (takenBy != null)
            {
                _doc.Report(DiagnosticIds.SpecNameCollision, TypeNames.SchemaPointer(union.Key) + "/discriminator", "The discriminator property '" + json + "' of '" + union.Key + "'", wanted, takenBy, name);
            }

            _discriminators[union.Key] = (json, name);
        }
    }

    /// <summary>Names every generated type: the schemas', then each union's Unknown… member, then the wrappers.</summary>
    private void NameTypes()
    {
        var emitted = _doc.Schemas.Keys.Where(Emits).ToList();
        _names.AddNamespaces(emitted);
        foreach (var id in emitted)
        {
            _names.AddSchema(id, MembersOf(id));
        }

        foreach (var id in emitted.Where(id => _kinds[id] == TypeModelKind.DiscriminatedUnion))
        {
            var members = UnionMembersScope(id).Reserve(CSharpIdentifiers.UnknownMemberMembers, "a member of every Unknown… union member");
            _unknownNames[id] = _names.AddSynthesized(id + "#unknown", _names.Namespace(id), "Unknown" + _names.Name(id), members, "The member of union '" + id + "' for unknown values", TypeNames.SchemaPointer(id));
        }

        foreach (var id in emitted.Where(id => _kinds[id] == TypeModelKind.DiscriminatedUnion))
        {
            foreach (var member in Mapping(_doc.Schemas[id]))
            {
                if (IsWrapped(id, member.Target) && !_wrapperNames.ContainsKey(id + "/" + member.Target))
                {
                    var members = UnionMembersScope(id).Reserve(CSharpIdentifiers.WrapperMembers, "a member of every wrapper");
                    _wrapperNames[id + "/" + member.Target] = _names.AddSynthesized(
                        id + "/" + member.Target, _names.Namespace(id), _names.Name(id) + _names.Name(member.Target), members,
                        "The wrapper of '" + member.Target + "' in union '" + id + "'",
                        TypeNames.SchemaPointer(id) + "/discriminator/mapping/" + Foundry.Generated.Catalog.Json.JsonPointer.Escape(member.Value));
                }
            }
        }
    }

    private bool Emits(string id) => _kinds[id] != null && !_unionAliases.ContainsKey(id);

    /// <summary>A member of <paramref name="union"/> that derives from another union, so it appears here as a wrapper.</summary>
    private bool IsWrapped(string union, string member)
        => _kinds.TryGetValue(member, out var kind) && kind == TypeModelKind.Record && !(_primaryUnion.TryGetValue(member, out var primary) && primary == union);

    /// <summary>The members a schema's type declares or inherits: its name may not be one of them (CS0542).</summary>
    private NameScope MembersOf(string id)
    {
        switch (_kinds[id])
        {
            case TypeModelKind.Record:
                var scope = new NameScope().Reserve(CSharpIdentifiers.RecordMembers, "a member every generated record has");
                if (_primaryUnion.TryGetValue(id, out var union))
                {
                    scope.Reserve(_discriminators[union].CSharp, "the discriminator property '" + _discriminators[union].Json + "' it inherits from union '" + union + "'");
                }

                return scope;
            case TypeModelKind.DiscriminatedUnion:
                return UnionMembersScope(id);
            case TypeModelKind.Union:
                return new NameScope().Reserve(CSharpIdentifiers.UnionStructMembers, "a member every union struct has");
            default:
                return new NameScope().Reserve(CSharpIdentifiers.EnumMembers, "a member every enum struct has");
        }
    }

    private NameScope UnionMembersScope(string union)
        => new NameScope()
            .Reserve(CSharpIdentifiers.RecordMembers, "a member every generated record has")
            .Reserve(_discriminators[union].CSharp, "the discriminator property '" + _discriminators[union].Json + "' of union '" + union + "'");

    private TypeModelKind? KindOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (SpecJson.Has(schema, "discriminator") && SpecJson.Has(schema, "oneOf"))
        {
            return TypeModelKind.DiscriminatedUnion;
        }

        if (UnionMembers(schema) is { } members)
        {
            return members.Count(m => !IsNull(m)) >= 2 ? TypeModelKind.Union : null;
        }

        if (SpecJson.Array(schema, "enum") is { } values && values.All(v => v.ValueKind == JsonValueKind.String) && !SpecJson.Has(schema, "const"))
        {
            return TypeModelKind.Enum;
        }

        if (SpecJson.Has(schema, "properties") || SpecJson.Has(schema, "allOf"))
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
        var first = types.Count;
        switch (kind.Value)
        {
            case TypeModelKind.Record:
                types.Add(BuildRecord(id, ns, name));
                break;
            case TypeModelKind.Enum:
                types.Add(new TypeModel(TypeModelKind.Enum, id, ns, name) { EnumValues = EnumValues(id, schema, name) });
                break;
            case TypeModelKind.Union:
                types.Add(BuildUnion(id, schema, ns, name));
                break;
            case TypeModelKind.DiscriminatedUnion:
                BuildDiscriminatedUnion(id, schema, ns, name, types);
                break;
        }

        // The schema's own prose and deprecation (not its wrappers').
        var description = SpecJson.String(schema, "description");
        var deprecated = SpecJson.IsTrue(schema, "deprecated");
        for (var i = first; i < types.Count; i++)
        {
            if (types[i].SchemaId == id)
            {
                types[i] = types[i] with { Description = description, Deprecated = deprecated };
            }
        }
    }

    /// <summary>The known values and their properties: not the type's name nor a member it has (<c>Value</c>, <c>ToString</c>).</summary>
    private EquatableArray<EnumMember> EnumValues(string id, JsonElement schema, string name)
    {
        var scope = new NameScope()
            .Reserve(name, "the enclosing type")
            .Reserve(CSharpIdentifiers.EnumMembers, "a member every enum struct has");
        var members = new List<EnumMember>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in SpecJson.Items(schema, "enum"))
        {
            var value = item.GetString()!;
            if (seen.Add(value))
            {
                var wanted = value.Length == 0 ? "Empty" : CSharpIdentifiers.Identifier(value);
                var member = scope.Claim(wanted, "value '" + value + "'", out var takenBy);
                if (takenBy != null)
                {
                    _doc.Report(DiagnosticIds.SpecNameCollision, TypeNames.SchemaPointer(id) + "/enum/" + index, "Value '" + value + "' of enum '" + id + "'", wanted, takenBy, member);
                }

                members.Add(new EnumMember(value, member, EnumValueDescription(SpecJson.String(schema, "description"), value)));
            }

            index++;
        }

        return members.ToEquatableArray();
    }

    /// <summary>
    /// A value's own line in its enum's description, as upstream writes them ("Values:\n  direct: The model can call…",
    /// "- `5m`: 5 minutes"), or null.
    /// </summary>
    private static string? EnumValueDescription(string? description, string value)
    {
        if (description == null || value.Length == 0)
        {
            return null;
        }

        var line = new System.Text.RegularExpressions.Regex(
            @"^[ \t]*(?:[-*+][ \t]+)?(`?)" + System.Text.RegularExpressions.Regex.Escape(value) + @"\1[ \t]*(?::|[-–—][ \t])[ \t]*(\S.*?)[ \t]*\r?$",
            System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        var match = line.Match(description);
        return match.Success ? match.Groups[2].Value : null;
    }

    private TypeModel BuildRecord(string id, string ns, string name)
    {
        string? baseType = null;
        string? discriminatorJson = null;
        string? discriminatorCs = null;
        string? discriminatorValue = null;
        var scope = new NameScope("Value")
            .Reserve(name, "the enclosing type")
            .Reserve(CSharpIdentifiers.RecordMembers, "a member every generated record has");
        if (_primaryUnion.TryGetValue(id, out var union))
        {
            baseType = _names.FullName(union);
            (discriminatorJson, discriminatorCs) = _discriminators[union];
            discriminatorValue = Mapping(_doc.Schemas[union]).First(m => m.Target == id).Value;
            scope.Reserve(discriminatorCs, "the discriminator property '" + discriminatorJson + "' it inherits from union '" + union + "'");
        }

        var properties = new List<PropertyModel>();
        foreach (var property in FlattenProperties(id))
        {
            if (property.JsonName == discriminatorJson)
            {
                continue;
            }

            var type = Resolve(property.Schema, property.Pointer);
            if (!property.Required)
            {
                type = type.AsNullable();
            }

            var wanted = CSharpIdentifiers.Identifier(property.JsonName);
            var csName = scope.Claim(wanted, "property '" + property.JsonName + "'", out var takenBy);
            if (takenBy != null)
            {
                _doc.Report(DiagnosticIds.SpecNameCollision, property.Pointer, "Property '" + property.JsonName + "' of '" + id + "'", wanted, takenBy, csName);
            }

            // A required constant is computed and always written; an optional one is an ordinary optional string,
            // so it round-trips (providers send such fields on some events only).
            var constant = property.Required && SpecJson.String(property.Schema, "const") is { } c ? c : null;
            properties.Add(new PropertyModel(property.JsonName, csName, type, property.Required, constant)
            {
                Description = SpecJson.String(property.Schema, "description"),
                Deprecated = SpecJson.IsTrue(property.Schema, "deprecated"),
            });
        }

        return new TypeModel(TypeModelKind.Record, id, ns, name)
        {
            Properties = properties.ToEquatableArray(),
            BaseType = baseType,
            DiscriminatorJsonName = discriminatorJson,
            DiscriminatorCSharpName = discriminatorCs,
            DiscriminatorValue = discriminatorValue,
        };
    }

    private void BuildDiscriminatedUnion(string id, JsonElement schema, string ns, string name, List<TypeModel> types)
    {
        var (property, discriminator) = _discriminators[id];
        var cases = new List<UnionCase>();
        var wrapped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in Mapping(schema))
        {
            if (!_kinds.TryGetValue(member.Target, out var kind) || kind != TypeModelKind.Record)
            {
                continue;
            }

            if (!IsWrapped(id, member.Target))
            {
                cases.Add(new UnionCase(member.Value, new TypeRef(TypeKind.Record, _names.FullName(member.Target), null, false), _names.Name(member.Target), default));
                continue;
            }

            // Already derives from another union: wrap it (once, for the first value that maps to it).
            var wrapperName = _wrapperNames[id + "/" + member.Target];
            if (wrapped.Add(member.Target))
            {
                var inner = new TypeRef(TypeKind.Record, _names.FullName(member.Target), null, false);
                types.Add(new TypeModel(TypeModelKind.UnionCase, id + "/" + member.Target, ns, wrapperName)
                {
                    BaseType = "global::" + ns + "." + name,
                    DiscriminatorJsonName = property,
                    DiscriminatorCSharpName = discriminator,
                    DiscriminatorValue = member.Value,
                    Wrapped = inner,
                });
            }

            cases.Add(new UnionCase(member.Value, new TypeRef(TypeKind.Record, "global::" + ns + "." + wrapperName, null, false), wrapperName, default)
            {
                Wrapped = new TypeRef(TypeKind.Record, _names.FullName(member.Target), null, false),
            });
        }

        types.Add(new TypeModel(TypeModelKind.DiscriminatedUnion, id, ns, name)
        {
            Cases = cases.ToEquatableArray(),
            DiscriminatorJsonName = property,
            DiscriminatorCSharpName = discriminator,
            UnknownName = _unknownNames[id],
        });
    }

    private TypeModel BuildUnion(string id, JsonElement schema, string ns, string name)
    {
        var cases = new List<UnionCase>();
        // Each case is read as Is{Case}/As{Case}: neither may be the struct's own name.
        var scope = new NameScope();
        foreach (var prefix in new[] { "Is", "As" })
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.Length > prefix.Length)
            {
                scope.Reserve(name.Substring(prefix.Length), "the enclosing type (as " + name + ")");
            }
        }

        var (keyword, members) = UnionMembersWithKeyword(schema);
        for (var i = 0; i < members!.Count; i++)
        {
            var member = members[i];
            if (IsNull(member))
            {
                continue;
            }

            var pointer = TypeNames.SchemaPointer(id) + "/" + keyword + "/" + i;
            var type = Resolve(member, pointer).AsNonNullable();
            if (cases.Any(c => c.Type.CSharp == type.CSharp))
            {
                continue;
            }

            var wanted = MemberName(type);
            var memberName = scope.Claim(wanted, "the member '" + type.CSharp + "'", out var takenBy);
            if (takenBy != null)
            {
                _doc.Report(DiagnosticIds.SpecNameCollision, pointer, "A member of union '" + id + "'", wanted, takenBy, memberName);
            }

            cases.Add(new UnionCase(null, type, memberName, TypeValues(member)));
        }

        return new TypeModel(TypeModelKind.Union, id, ns, name) { Cases = cases.ToEquatableArray() };
    }

    /// <summary>The <c>type</c> values an object member accepts, so a union can pick a member by peeking at it.</summary>
    private EquatableArray<string> TypeValues(JsonElement member)
    {
        var values = new List<string>();
        if (SpecJson.String(member, "$ref") is { } r && SpecDocument.SchemaName(r) is { } target && _doc.Schemas.ContainsKey(target))
        {
            target = _unionAliases.TryGetValue(target, out var alias) ? alias : target;
            var schema = _doc.Schemas[target];
            if (_kinds[target] == TypeModelKind.DiscriminatedUnion && DiscriminatorProperty(schema) == "type")
            {
                values.AddRange(Mapping(schema).Select(m => m.Value));
            }
            else if (FlattenProperties(target).FirstOrDefault(p => p.JsonName == "type") is { Schema: var t } && SpecJson.String(t, "const") is { } c)
            {
                values.Add(c);
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
            Unsupported(pointer, "a $ref cycle through '" + id + "', which has no type of its own");
            return TypeRef.Primitive(TypeKind.Json);
        }

        var resolved = Resolve(_doc.Schemas[id], TypeNames.SchemaPointer(id));
        _resolvingAliases.Remove(id);
        _aliasCache[id] = resolved;
        return resolved;
    }

    // ---- helpers over the schema JSON ----

    private readonly struct FlatProperty
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
    private List<FlatProperty> FlattenProperties(string id)
    {
        var order = new List<string>();
        var schemas = new Dictionary<string, (JsonElement Schema, string Pointer)>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        Collect(_doc.Schemas[id], TypeNames.SchemaPointer(id), order, schemas, required, new HashSet<string>(StringComparer.Ordinal) { id });
        return order.Select(n => new FlatProperty(n, schemas[n].Schema, required.Contains(n), schemas[n].Pointer)).ToList();
    }

    private void Collect(JsonElement schema, string pointer, List<string> order, Dictionary<string, (JsonElement, string)> schemas, HashSet<string> required, HashSet<string> visiting)
    {
        var index = 0;
        foreach (var part in SpecJson.Items(schema, "allOf"))
        {
            var partPointer = pointer + "/allOf/" + index++;
            if (SpecJson.String(part, "$ref") is { } r && SpecDocument.SchemaName(r) is { } target && _doc.Schemas.TryGetValue(target, out var targetSchema))
            {
                if (visiting.Add(target))
                {
                    Collect(targetSchema, TypeNames.SchemaPointer(target), order, schemas, required, visiting);
                    visiting.Remove(target);
                }
            }
            else
            {
                Collect(part, partPointer, order, schemas, required, visiting);
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

    private static string DiscriminatorProperty(JsonElement schema)
        => SpecJson.Object(schema, "discriminator") is { } d ? SpecJson.String(d, "propertyName") ?? "type" : "type";

    private static List<(string Value, string Target)> Mapping(JsonElement schema)
    {
        var result = new List<(string, string)>();
        if (SpecJson.Object(schema, "discriminator") is { } d)
        {
            foreach (var pair in SpecJson.Properties(d, "mapping"))
            {
                if (pair.Value.ValueKind == JsonValueKind.String && SpecDocument.SchemaName(pair.Value.GetString()!) is { } target)
                {
                    result.Add((pair.Name, target));
                }
            }
        }

        return result;
    }

    private static List<JsonElement>? UnionMembers(JsonElement schema) => UnionMembersWithKeyword(schema).Members;

    private static (string Keyword, List<JsonElement>? Members) UnionMembersWithKeyword(JsonElement schema)
    {
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (SpecJson.Array(schema, keyword) is { } members)
            {
                return (keyword, members);
            }
        }

        return ("oneOf", null);
    }

    private static bool IsNull(JsonElement schema) => SpecJson.String(schema, "type") == "null";

    private static (string? Kind, bool Nullable) PrimaryType(JsonElement schema)
    {
        switch (SpecJson.Get(schema, "type"))
        {
            case { ValueKind: JsonValueKind.String } type:
                return (type.GetString(), false);
            case { ValueKind: JsonValueKind.Array } types:
                var names = types.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString() : null).ToList();
                var nonNull = names.Where(t => t != "null").ToList();
                return (nonNull.Count == 1 ? nonNull[0] : null, names.Contains("null"));
            default:
                return (null, false);
        }
    }

    private static bool IsInt64(JsonElement schema)
    {
        if (SpecJson.String(schema, "format") is "int64" or "unixtime")
        {
            return true;
        }

        foreach (var bound in new[] { "maximum", "minimum" })
        {
            if (SpecJson.Get(schema, bound) is { ValueKind: JsonValueKind.Number } b && (!b.TryGetInt64(out var v) || v > int.MaxValue || v < int.MinValue))
            {
                return true;
            }
        }

        return false;
    }
}
