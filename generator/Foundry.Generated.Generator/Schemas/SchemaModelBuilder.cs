using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Generator.Diagnostics;
using Foundry.Generated.Generator.Naming;
using Foundry.Generated.Generator.OpenApi;
using static Foundry.Generated.Generator.Schemas.SchemaShapes;

namespace Foundry.Generated.Generator.Schemas;

/// <summary>
/// Turns the normalised spec's components into <see cref="TypeModel"/>s: records (allOf flattened, later parts win),
/// discriminated unions (identical ones aliased; members shared by several unions derive from the largest and get
/// <c>…Case</c> wrappers in the others), non-discriminated union structs, extensible enums, and aliases for
/// primitive, array and map components (which are inlined where used). The steps are separate:
/// <see cref="SchemaClassification"/> (what each component becomes), <see cref="TypeNames"/> (names), this class
/// (the types and their members), <see cref="TypeResolver"/> (the C# type of each position) and
/// <see cref="AllOfFlattener"/> (a record's properties).
/// </summary>
internal sealed class SchemaModelBuilder
{
    private readonly SpecDocument _doc;
    private readonly TypeNames _names;
    private readonly SchemaClassification _classes;
    private readonly TypeResolver _types;
    private readonly Dictionary<string, string> _wrapperNames = new Dictionary<string, string>(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unknownNames = new Dictionary<string, string>(StringComparer.Ordinal);

    private SchemaModelBuilder(SpecDocument doc, string rootNamespace, IEnumerable<string> clientNames)
    {
        _doc = doc;
        _classes = new SchemaClassification(doc);
        _names = new TypeNames(doc, rootNamespace, clientNames);
        _types = new TypeResolver(doc, rootNamespace, _names, _classes);
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

    /// <summary>Names every generated type: the schemas', then each union's Unknown… member, then the wrappers.</summary>
    private void NameTypes()
    {
        var emitted = _doc.Schemas.Keys.Where(_classes.Emits).ToList();
        _names.AddNamespaces(emitted);
        foreach (var id in emitted)
        {
            _names.AddSchema(id, MembersOf(id));
        }

        foreach (var id in emitted.Where(id => _classes.Kinds[id] == TypeModelKind.DiscriminatedUnion))
        {
            var members = UnionMembersScope(id).Reserve(CSharpIdentifiers.UnknownMemberMembers, "a member of every Unknown… union member");
            _unknownNames[id] = _names.AddSynthesized(id + "#unknown", _names.Namespace(id), "Unknown" + _names.Name(id), members, "The member of union '" + id + "' for unknown values", TypeNames.SchemaPointer(id));
        }

        foreach (var id in emitted.Where(id => _classes.Kinds[id] == TypeModelKind.DiscriminatedUnion))
        {
            foreach (var member in Mapping(_doc.Schemas[id]))
            {
                if (_classes.IsWrapped(id, member.Target) && !_wrapperNames.ContainsKey(id + "/" + member.Target))
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

    /// <summary>The members a schema's type declares or inherits: its name may not be one of them (CS0542).</summary>
    private NameScope MembersOf(string id)
    {
        switch (_classes.Kinds[id])
        {
            case TypeModelKind.Record:
                var scope = new NameScope().Reserve(CSharpIdentifiers.RecordMembers, "a member every generated record has");
                if (_classes.PrimaryUnion.TryGetValue(id, out var union))
                {
                    scope.Reserve(_classes.Discriminators[union].CSharp, "the discriminator property '" + _classes.Discriminators[union].Json + "' it inherits from union '" + union + "'");
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
            .Reserve(_classes.Discriminators[union].CSharp, "the discriminator property '" + _classes.Discriminators[union].Json + "' of union '" + union + "'");

    private void AddTypes(string id, JsonElement schema, List<TypeModel> types)
    {
        var kind = _classes.Kinds[id];
        if (kind == null || _classes.UnionAliases.ContainsKey(id))
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

                members.Add(new EnumMember(value, member, EnumValueDescriptions.Find(SpecJson.String(schema, "description"), value)));
            }

            index++;
        }

        return members.ToEquatableArray();
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
        if (_classes.PrimaryUnion.TryGetValue(id, out var union))
        {
            baseType = _names.FullName(union);
            (discriminatorJson, discriminatorCs) = _classes.Discriminators[union];
            discriminatorValue = Mapping(_doc.Schemas[union]).First(m => m.Target == id).Value;
            scope.Reserve(discriminatorCs, "the discriminator property '" + discriminatorJson + "' it inherits from union '" + union + "'");
        }

        var properties = new List<PropertyModel>();
        foreach (var property in AllOfFlattener.Properties(_doc, id))
        {
            if (property.JsonName == discriminatorJson)
            {
                continue;
            }

            var type = _types.Resolve(property.Schema, property.Pointer);
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
        var (property, discriminator) = _classes.Discriminators[id];
        var cases = new List<UnionCase>();
        var wrapped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in Mapping(schema))
        {
            if (!_classes.Kinds.TryGetValue(member.Target, out var kind) || kind != TypeModelKind.Record)
            {
                continue;
            }

            if (!_classes.IsWrapped(id, member.Target))
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
            var type = _types.Resolve(member, pointer).AsNonNullable();
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

            cases.Add(new UnionCase(null, type, memberName, TypeValues(member)) { RequiredNames = RequiredNames(member) });
        }

        return new TypeModel(TypeModelKind.Union, id, ns, name) { Cases = cases.ToEquatableArray() };
    }

    /// <summary>
    /// The <c>type</c> values an object member accepts, so a union can pick a member by peeking at it. A member that is
    /// itself a union without a discriminator (OpenAI's <c>Item</c>, inside <c>InputItem</c>) accepts its own members'
    /// values; without them, every such item would fall to the union's last member.
    /// </summary>
    private EquatableArray<string> TypeValues(JsonElement member) => TypeValues(member, new HashSet<string>(StringComparer.Ordinal)).ToEquatableArray();

    private List<string> TypeValues(JsonElement member, HashSet<string> visiting)
    {
        var values = new List<string>();
        if (SpecJson.String(member, "$ref") is { } r && SpecDocument.SchemaName(r) is { } target && _doc.Schemas.ContainsKey(target))
        {
            target = _classes.Canonical(target);
            var schema = _doc.Schemas[target];
            if (_classes.Kinds[target] == TypeModelKind.DiscriminatedUnion && DiscriminatorProperty(schema) == "type")
            {
                values.AddRange(Mapping(schema).Select(m => m.Value));
            }
            else if (_classes.Kinds[target] == TypeModelKind.Union && visiting.Add(target))
            {
                foreach (var inner in UnionMembers(schema)!)
                {
                    values.AddRange(TypeValues(inner, visiting).Where(v => !values.Contains(v)));
                }
            }
            else if (AllOfFlattener.Properties(_doc, target).FirstOrDefault(p => p.JsonName == "type") is { Schema: var t } && SpecJson.String(t, "const") is { } c)
            {
                values.Add(c);
            }
        }

        return values;
    }

    /// <summary>The required properties of an object member (a record), but its <c>type</c>.</summary>
    private EquatableArray<string> RequiredNames(JsonElement member)
    {
        if (SpecJson.String(member, "$ref") is { } r && SpecDocument.SchemaName(r) is { } target && _doc.Schemas.ContainsKey(target)
            && _classes.Kinds[_classes.Canonical(target)] == TypeModelKind.Record)
        {
            return AllOfFlattener.Properties(_doc, _classes.Canonical(target)).Where(p => p.Required && p.JsonName != "type").Select(p => p.JsonName).ToEquatableArray();
        }

        return default;
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
}
