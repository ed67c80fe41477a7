using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CsCheck;
using Foundry.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>
/// A property test of the naming rule: the construct fixture (plus a union that wraps a member of another, a union
/// struct of several members and an enum of case twins) edited at random — schemas renamed or added, properties renamed
/// or added, discriminators, discriminator values and enum values renamed, descriptions replaced — with names drawn from
/// C# keywords, framework type names, members C# and the emitters declare, generated names, the enclosing type's name,
/// case twins, leading digits, Unicode and arbitrary text. Every case is generated and compiled in memory (doc comments
/// checked): never a C# warning or error, never a caught crash (FDRY101/FDRY108), and every spec diagnostic located in
/// the spec. The case count and the edits are in docs/DESIGN.md.
/// </summary>
public sealed class NamingPropertyTests(ITestOutputHelper output)
{
    /// <summary>Cases per run (FOUNDRY_NAMING_CASES for more); each generates and compiles the fixture (about 0.1 s).</summary>
    public static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("FOUNDRY_NAMING_CASES"), out var n) && n > 0 ? n : 200;

    private static readonly string[] Pool =
    {
        // C# keywords and contextual keywords
        "class", "int", "string", "object", "namespace", "return", "event", "operator", "params", "base", "this", "default",
        "var", "dynamic", "value", "record", "field", "nameof", "_", "async", "await", "global", "partial", "required", "init",
        // framework type names
        "String", "Object", "Task", "Type", "Int32", "Boolean", "Guid", "DateTime", "List", "Dictionary", "Exception",
        "Action", "Func", "Nullable", "Console", "System", "Microsoft", "Foundry", "Generated", "Runtime", "JsonElement",
        "IEnumerable", "Attribute", "Span", "ReadOnlySpan", "Utf8JsonReader", "CancellationToken",
        // members records, unions, enums and clients declare or inherit
        "Equals", "GetHashCode", "ToString", "EqualityContract", "Deconstruct", "PrintMembers", "AdditionalProperties",
        "WriteJson", "ReadJson", "MissingRequired", "Value", "Raw", "DiscriminatorValue", "GetType", "MemberwiseClone",
        "Finalize", "ReferenceEquals", "Clone", "<Clone>$", "_value", "__PropertyIndex", "__MemberIndex", "__ValueIndex",
        "Pipeline", "Dispose", "Route", "Is", "As", "IsString", "AsString", "Json", "StringList",
        // generated names
        "FoundryLlmClient", "ResponsesModel", "GeminiModel", "FoundryModels", "AppModels", "OpenAiResponsesClient",
        "UnknownEvent", "UnknownOther", "OtherDelta", "AI", "Clients", "Models", "FoundryAIExtensions",
        // locals and parameters of generated code
        "reader", "writer", "options", "strings", "discriminator", "__extra", "__seen", "__p0", "__pair", "request",
        "model", "cancellationToken", "type", "delta", "index",
    };

    private static readonly string[] Unicode =
    {
        "größe", "名前", "Ωmega", "ñandú", "İstanbul", "ǅemal", "𝒜lpha", "😀emoji", "e\u0301", "\u200Bzero", "Ⅻ", "٣digits",
        "ſtraße", "ﬀ", "ß", "I\u0307", "Åström", "ΣΊΣΥΦΟΣ", "σίσυφος", "\u00A0nbsp", "a\u2028b", "tab\there", "नमस्ते",
    };

    /// <summary>The fixture with a few more constructs to rename into.</summary>
    private static string BaseSpec()
    {
        var spec = new SpecEdit()
            .Add("OpenAi.Other", """{ "oneOf": [{ "$ref": "#/components/schemas/OpenAi.Delta" }, { "$ref": "#/components/schemas/OpenAi.OtherItem" }], "discriminator": { "propertyName": "type", "mapping": { "delta": "#/components/schemas/OpenAi.Delta", "other": "#/components/schemas/OpenAi.OtherItem" } } }""")
            .Add("OpenAi.OtherItem", """{ "type": "object", "properties": { "type": { "type": "string", "const": "other" }, "value": { "type": "string" }, "raw": { "type": "integer" } }, "required": ["type", "raw"] }""")
            .Add("OpenAi.Pair", """{ "anyOf": [{ "type": "string" }, { "$ref": "#/components/schemas/OpenAi.Reply" }, { "$ref": "#/components/schemas/OpenAi.Tier" }, { "type": "array", "items": { "$ref": "#/components/schemas/OpenAi.Reply" } }, { "type": "null" }] }""")
            .Add("OpenAi.Kind", """{ "type": "string", "enum": ["a", "A", "value", "Value", ""] }""");
        spec.Schemas["OpenAi.Reply"]!["properties"]!.AsObject()["pair"] = JsonNode.Parse("""{ "$ref": "#/components/schemas/OpenAi.Pair" }""");
        spec.Schemas["OpenAi.Reply"]!["properties"]!.AsObject()["kind"] = JsonNode.Parse("""{ "$ref": "#/components/schemas/OpenAi.Kind" }""");
        spec.Schemas["OpenAi.Reply"]!["properties"]!.AsObject()["other"] = JsonNode.Parse("""{ "$ref": "#/components/schemas/OpenAi.Other" }""");
        return spec.Text;
    }

    private static readonly string Base = BaseSpec();

    internal enum EditKind { RenameSchema, RenameProperty, AddProperty, RenameDiscriminator, RenameDiscriminatorValue, AddEnumValue, Describe, AddSchema }

    /// <summary>Where a name comes from: <see cref="Pool"/>, the enclosing type, a case twin, a leading digit, <see cref="Unicode"/>, any text.</summary>
    internal sealed record NameChoice(int Source, int Pick, string Raw)
    {
        public override string ToString() => $"{Source}/{Pick}/{Escape(Raw)}";
    }

    internal sealed record Edit(EditKind Kind, int Target, int Sub, NameChoice Name)
    {
        public override string ToString() => $"{Kind}({Target},{Sub},{Name})";
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()));

    private static readonly Gen<string> AnyText = Gen.Char.Where(c => !char.IsSurrogate(c)).Array[0, 12].Select(chars => new string(chars));

    private static readonly Gen<NameChoice> Names =
        Gen.Select(Gen.Frequency((4, Gen.Const(0)), (2, Gen.Const(1)), (2, Gen.Const(2)), (1, Gen.Const(3)), (2, Gen.Const(4)), (1, Gen.Const(5))), Gen.Int[0, 1000], AnyText)
            .Select((source, pick, raw) => new NameChoice(source, pick, raw));

    private static readonly Gen<Edit> Edits =
        Gen.Select(Gen.Enum<EditKind>(), Gen.Int[0, 1000], Gen.Int[0, 1000], Names).Select((kind, target, sub, name) => new Edit(kind, target, sub, name));

    private static readonly Gen<Edit[]> Cases_ = Edits.Array[1, 6];

    [Fact]
    public void Names_from_keywords_framework_types_members_case_twins_digits_and_Unicode_always_compile()
    {
        var run = 0;
        Cases_.Sample(
            edits =>
            {
                run++;
                var spec = Apply(edits);
                Check(spec, string.Join("; ", edits.Select(e => e.ToString())));
            },
            iter: Cases,
            threads: 1,
            print: edits => string.Join("; ", edits.Select(e => e.ToString())) + "\n" + Apply(edits),
            writeLine: output.WriteLine);
        output.WriteLine($"{run} cases");
    }

    /// <summary>Generates and compiles; fails on a C# warning or error, a caught crash, or a spec diagnostic with no place.</summary>
    internal static void Check(string spec, string what)
    {
        var texts = new AdditionalText[]
        {
            new InMemoryAdditionalText(GeneratorRun.SpecPath, spec),
            new InMemoryAdditionalText(GeneratorRun.CatalogPath, GeneratorRun.Fixture("small-catalog.json")),
        };
        var (compilation, diagnostics, driver) = GeneratorHarness.RunDocumented(new FoundryGenerator(), texts);

        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        GeneratorFuzzTests.NoCaughtCrash(spec, diagnostics);
        foreach (var d in diagnostics.Where(d => d.Id.StartsWith("FDRY1", StringComparison.Ordinal)))
        {
            var span = d.Location.GetLineSpan();
            Assert.True(span.Path == GeneratorRun.SpecPath && span.StartLinePosition.Line >= 0 && d.Location.SourceSpan.Length > 0, "not located: " + d + "\n" + what);
        }

        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, what + "\n" + string.Join("\n", problems.Take(10)));
    }

    // ---- edits ----

    internal static string Apply(IEnumerable<Edit> edits)
    {
        var spec = new SpecEdit(Base);
        foreach (var edit in edits)
        {
            Apply(spec, edit);
        }

        return spec.Text;
    }

    private static void Apply(SpecEdit spec, Edit edit)
    {
        var ids = spec.Schemas.Select(p => p.Key).ToList();
        var id = ids[edit.Target % ids.Count];
        var schema = spec.Schemas[id]!.AsObject();
        switch (edit.Kind)
        {
            case EditKind.RenameSchema:
            {
                var enclosing = Enclosing(spec, id) ?? id;
                var name = Name(edit.Name, ShortName(enclosing), ids.Select(ShortName));
                var newId = (edit.Sub % 4) switch
                {
                    0 or 1 => "OpenAi." + name,
                    2 => name,
                    _ => name + "." + ShortName(id),
                };
                if (!spec.Schemas.ContainsKey(newId))
                {
                    RenameSchema(spec, id, newId);
                }

                break;
            }

            case EditKind.RenameProperty:
            {
                var properties = PropertyObjects(schema).Where(p => p.Count > 0).ToList();
                if (properties.Count > 0)
                {
                    var target = properties[edit.Sub % properties.Count];
                    var old = target.ElementAt(edit.Sub / 7 % target.Count).Key;
                    var name = Name(edit.Name, ShortName(id), target.Select(p => p.Key));
                    if (!target.ContainsKey(name))
                    {
                        RenameKey(target, old, name);
                        if (target.Parent is JsonObject owner && owner["required"] is JsonArray required)
                        {
                            foreach (var item in required.ToList())
                            {
                                if (item?.GetValue<string>() == old)
                                {
                                    required[required.IndexOf(item)] = name;
                                }
                            }
                        }
                    }
                }

                break;
            }

            case EditKind.AddProperty:
            {
                var target = PropertyObjects(schema).FirstOrDefault();
                var name = Name(edit.Name, ShortName(id), target?.Select(p => p.Key) ?? Enumerable.Empty<string>());
                if (target != null && !target.ContainsKey(name))
                {
                    target[name] = JsonNode.Parse((edit.Sub % 8) switch
                    {
                        0 => """{ "type": "string" }""",
                        1 => """{ "type": "integer" }""",
                        2 => """{ "type": ["number", "null"] }""",
                        3 => """{ "type": "boolean" }""",
                        4 => """{ "type": "array", "items": { "type": "string" } }""",
                        5 => Ref(ids[edit.Sub % ids.Count]),
                        6 => """{ "type": "object", "additionalProperties": { "type": "integer" } }""",
                        _ => "{}",
                    });
                    if (edit.Sub % 3 == 0 && target.Parent is JsonObject owner)
                    {
                        (owner["required"] ??= new JsonArray()).AsArray().Add(name);
                    }
                }

                break;
            }

            case EditKind.RenameDiscriminator:
            case EditKind.RenameDiscriminatorValue:
            {
                var unions = spec.Schemas.Where(p => p.Value?["discriminator"] is JsonObject).Select(p => p.Value!.AsObject()).ToList();
                var union = unions[edit.Target % unions.Count];
                var discriminator = union["discriminator"]!.AsObject();
                var mapping = discriminator["mapping"]!.AsObject();
                if (edit.Kind == EditKind.RenameDiscriminatorValue)
                {
                    var old = mapping.ElementAt(edit.Sub % mapping.Count).Key;
                    var value = Name(edit.Name, old, mapping.Select(m => m.Key));
                    if (!mapping.ContainsKey(value))
                    {
                        RenameKey(mapping, old, value);
                    }

                    break;
                }

                var property = discriminator["propertyName"]!.GetValue<string>();
                var name = Name(edit.Name, ShortName(spec.Schemas.First(p => p.Value == union).Key), new[] { property });
                discriminator["propertyName"] = name;
                foreach (var member in mapping.Select(m => SpecName(m.Value!.GetValue<string>())).OfType<string>().Where(m => spec.Schemas.ContainsKey(m)))
                {
                    foreach (var properties in PropertyObjects(spec.Schemas[member]!.AsObject()))
                    {
                        if (properties.ContainsKey(property) && !properties.ContainsKey(name))
                        {
                            RenameKey(properties, property, name);
                        }
                    }
                }

                break;
            }

            case EditKind.AddEnumValue:
            {
                var enums = spec.Schemas.Where(p => p.Value?["enum"] is JsonArray).Select(p => (p.Key, Values: p.Value!["enum"]!.AsArray())).ToList();
                var (enumId, values) = enums[edit.Target % enums.Count];
                var value = Name(edit.Name, ShortName(enumId), values.Select(v => v!.GetValue<string>()));
                if (!values.Any(v => v!.GetValue<string>() == value))
                {
                    values.Add(value);
                }

                break;
            }

            case EditKind.Describe:
            {
                var text = edit.Name.Source % 2 == 0 ? Name(edit.Name, ShortName(id), Enumerable.Empty<string>()) : edit.Name.Raw + " <b>&</b> [x](http://y) `z` \n\n- a\n- b";
                var properties = PropertyObjects(schema).FirstOrDefault();
                if (properties != null && properties.Count > 0 && edit.Sub % 2 == 0 && properties.ElementAt(edit.Sub / 2 % properties.Count).Value is JsonObject property)
                {
                    property["description"] = text;
                }
                else
                {
                    schema["description"] = text;
                }

                break;
            }

            case EditKind.AddSchema:
            {
                var name = Name(edit.Name, ShortName(id), ids.Select(ShortName));
                var newId = (edit.Sub % 3 == 0 ? string.Empty : "OpenAi.") + name;
                if (!spec.Schemas.ContainsKey(newId))
                {
                    var escaped = JsonValue.Create(name)!.ToJsonString();
                    spec.Schemas[newId] = JsonNode.Parse((edit.Sub % 4) switch
                    {
                        // A record whose property is named like it, and a case twin of that.
                        0 => "{ \"type\": \"object\", \"properties\": { " + escaped + ": { \"type\": \"string\" }" + (Twin(name, 1) == name ? string.Empty : ", " + JsonValue.Create(Twin(name, 1))!.ToJsonString() + ": { \"type\": \"integer\" }") + " } }",
                        // An enum of the name and its twins.
                        1 => "{ \"type\": \"string\", \"enum\": [" + string.Join(", ", new[] { name, Twin(name, 0), Twin(name, 1) }.Distinct().Select(v => JsonValue.Create(v)!.ToJsonString())) + "] }",
                        // A union struct of a string and the record with the renamed schema.
                        2 => "{ \"oneOf\": [{ \"type\": \"string\" }, " + Ref(id) + "] }",
                        // A union discriminated by the name, over a new member.
                        _ => "{ \"oneOf\": [{ \"$ref\": \"#/components/schemas/OpenAi.OtherItem\" }], \"discriminator\": { \"propertyName\": " + escaped + ", \"mapping\": { " + escaped + ": \"#/components/schemas/OpenAi.OtherItem\" } } }",
                    });
                }

                break;
            }
        }
    }

    /// <summary>A name from its source; the enclosing type's name and the names already in scope feed sources 1 and 2.</summary>
    private static string Name(NameChoice choice, string enclosing, IEnumerable<string> inScope)
    {
        var word = Pool[choice.Pick % Pool.Length];
        switch (choice.Source)
        {
            case 0:
                return word;
            case 1:
                return (choice.Pick % 3) switch { 0 => enclosing, 1 => enclosing.ToLowerInvariant(), _ => ToSnake(enclosing) };
            case 2:
                var names = inScope.ToList();
                return Twin(names.Count == 0 ? enclosing : names[choice.Pick % names.Count], choice.Pick);
            case 3:
                return (choice.Pick % 3) switch { 0 => "1" + word, 1 => choice.Pick.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => "2024-" + word };
            case 4:
                return Unicode[choice.Pick % Unicode.Length];
            default:
                return choice.Raw;
        }
    }

    /// <summary>The name with its case changed (all letters, or the first).</summary>
    private static string Twin(string name, int how)
        => how % 2 == 0
            ? new string(name.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray())
            : name.Length == 0 ? name : (char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) : char.ToUpperInvariant(name[0])) + name.Substring(1);

    private static string ToSnake(string name) => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>A <c>{"$ref": …}</c> to a schema id, as JSON text.</summary>
    private static string Ref(string id) => new JsonObject { ["$ref"] = "#/components/schemas/" + PointerEscape(id) }.ToJsonString();

    private static string PointerEscape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    private static string ShortName(string id) => id.Contains('.') ? id.Substring(id.IndexOf('.') + 1) : id;

    private static string? SpecName(string reference) => Foundry.Generated.Generator.OpenApi.SpecDocument.SchemaName(reference);

    /// <summary>A union the schema is a member of (its members are named with the union's discriminator in scope).</summary>
    private static string? Enclosing(SpecEdit spec, string id)
        => spec.Schemas.Where(p => p.Value?["discriminator"]?["mapping"] is JsonObject m && m.Any(e => SpecName(e.Value!.GetValue<string>()) == id)).Select(p => p.Key).FirstOrDefault();

    /// <summary>Every "properties" object in a schema (its own and its inline allOf parts').</summary>
    private static IEnumerable<JsonObject> PropertyObjects(JsonObject schema)
    {
        if (schema["properties"] is JsonObject own)
        {
            yield return own;
        }

        if (schema["allOf"] is JsonArray parts)
        {
            foreach (var part in parts.OfType<JsonObject>())
            {
                foreach (var inner in PropertyObjects(part))
                {
                    yield return inner;
                }
            }
        }
    }

    private static void RenameKey(JsonObject obj, string old, string name)
    {
        var entries = obj.ToList();
        obj.Clear();
        foreach (var (key, value) in entries)
        {
            obj[key == old ? name : key] = value;
        }
    }

    private static void RenameSchema(SpecEdit spec, string old, string name)
    {
        RenameKey(spec.Schemas, old, name);
        var from = "#/components/schemas/" + PointerEscape(old);
        var to = "#/components/schemas/" + PointerEscape(name);
        Replace(spec.Root, from, to);
    }

    /// <summary>Every string value equal to <paramref name="from"/> (a $ref or a mapping target) becomes <paramref name="to"/>.</summary>
    private static void Replace(JsonNode? node, string from, string to)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var s) && s == from)
                    {
                        obj[key] = to;
                    }
                    else
                    {
                        Replace(value, from, to);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Replace(item, from, to);
                }

                break;
        }
    }
}
