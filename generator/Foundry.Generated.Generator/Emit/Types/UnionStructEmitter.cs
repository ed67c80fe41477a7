using System.Linq;
using Foundry.Generated.Generator.Schemas;
using Foundry.Generated.Generator.Naming;

namespace Foundry.Generated.Generator.Emit.Types;

/// <summary>
/// A union without discriminator (<c>string | InputItem[]</c>): a record struct holding one member, with
/// <c>Is…</c>/<c>As…</c> accessors and implicit conversions; reading picks the member by JSON token (and, between
/// objects, by their <c>type</c> value).
/// </summary>
internal static class UnionStructEmitter
{
    public static void Emit(SourceWriter w, TypeModel type, string root, string visibility)
    {
        TypeEmitter.Header(w, type);
        using (w.Block($"{visibility} readonly partial record struct {type.Name} : global::Foundry.Generated.Runtime.IFoundryJsonModel<{type.Name}>"))
        {
            w.Line("private readonly object? _value;");
            w.Line();
            w.Line($"private {type.Name}(object? value) => _value = value;");
            w.Line();
            w.Line("/// <summary>The member this value holds (null when unset).</summary>");
            w.Line("public object? Value => _value;");
            w.Line();
            foreach (var c in type.Cases)
            {
                EmitCase(w, type, c);
            }

            EmitRead(w, type, root);
            w.Line();
            EmitWrite(w, type);
            w.Line();
            w.Line("public override string ToString() => _value?.ToString() ?? string.Empty;");
        }
    }

    private static string Stored(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + type.Element!.CSharp + ">",
        TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + type.Element!.CSharp + ">",
        _ => type.CSharp,
    };

    private static void EmitCase(SourceWriter w, TypeModel type, UnionCase c)
    {
        var stored = Stored(c.Type);
        var isValue = c.Type.IsValueType;
        w.Line($"public bool Is{c.MemberName} => _value is {stored};");
        w.Line(isValue
            ? $"public {stored}? As{c.MemberName} => _value is {stored} __v ? ({stored}?)__v : null;"
            : $"public {stored}? As{c.MemberName} => _value as {stored};");
        switch (c.Type.Kind)
        {
            case TypeKind.Array:
                w.Line($"public static implicit operator {type.Name}({c.Type.Element!.CSharp}[] value) => new {type.Name}(value);");
                w.Line($"public static implicit operator {type.Name}(global::System.Collections.Generic.List<{c.Type.Element!.CSharp}> value) => new {type.Name}(value);");
                break;
            case TypeKind.Map:
                w.Line($"public static implicit operator {type.Name}(global::System.Collections.Generic.Dictionary<string, {c.Type.Element!.CSharp}> value) => new {type.Name}(value);");
                break;
            default:
                w.Line($"public static implicit operator {type.Name}({stored} value) => new {type.Name}(value);");
                break;
        }

        w.Line();
    }

    private static void EmitRead(SourceWriter w, TypeModel type, string root)
    {
        var helpers = JsonCode.Helpers;
        w.Line($"public static {type.Name} ReadJson(ref {JsonCode.Reader} reader) => ReadJson(ref reader, null);");
        w.Line();
        using (w.Block($"public static {type.Name} ReadJson(ref {JsonCode.Reader} reader, {JsonCode.StringCache}? strings)"))
        {
            using (w.Block("switch (reader.TokenType)"))
            {
                w.Line($"case {JsonCode.JsonTokenType}.Null:");
                w.Line("    return default;");
                EmitTokenCase(w, type, root, "String", c => c.Type.Kind is TypeKind.String || (c.Type.Kind == TypeKind.Struct && c.TypeValues.Count == 0 && !IsObjectish(c)));
                EmitNumberCase(w, type, root);
                EmitTokenCase(w, type, root, "True", c => c.Type.Kind == TypeKind.Boolean, "False");
                EmitTokenCase(w, type, root, "StartArray", c => c.Type.Kind == TypeKind.Array);
                var objects = type.Cases.Where(IsObjectish).ToList();
                if (objects.Count > 0)
                {
                    w.Line($"case {JsonCode.JsonTokenType}.StartObject:");
                    w.Indent();
                    if (objects.Count > 1 && objects.Any(o => o.TypeValues.Count > 0))
                    {
                        w.Line($"switch ({helpers}.PeekString(reader, \"type\"u8))");
                        w.Line("{");
                        w.Indent();
                        var seen = new System.Collections.Generic.HashSet<string>();
                        foreach (var o in objects)
                        {
                            foreach (var value in o.TypeValues)
                            {
                                if (seen.Add(value))
                                {
                                    w.Line($"case {CSharpIdentifiers.StringLiteral(value)}: return new {type.Name}({JsonCode.Read(o.Type, "reader", root, "strings")});");
                                }
                            }
                        }

                        w.Unindent();
                        w.Line("}");
                    }

                    // No (known) type: the member whose required properties are all there, the most specific first.
                    if (objects.Count > 1)
                    {
                        foreach (var o in objects.Where(o => o.RequiredNames.Count > 0).OrderByDescending(o => o.RequiredNames.Count))
                        {
                            var present = string.Join(" && ", o.RequiredNames.Select(n => $"{helpers}.HasProperty(reader, {CSharpIdentifiers.StringLiteral(n)}u8)"));
                            w.Line($"if ({present}) return new {type.Name}({JsonCode.Read(o.Type, "reader", root, "strings")});");
                        }
                    }

                    var fallback = objects.FirstOrDefault(o => o.TypeValues.Count == 0) ?? objects[0];
                    w.Line($"return new {type.Name}({JsonCode.Read(fallback.Type, "reader", root, "strings")});");
                    w.Unindent();
                }
            }

            var json = type.Cases.FirstOrDefault(c => c.Type.Kind == TypeKind.Json);
            w.Line(json != null
                ? $"return new {type.Name}({JsonCode.Read(json.Type, "reader", root, "strings")});"
                : $"throw new global::System.Text.Json.JsonException($\"Unexpected {{reader.TokenType}} for {type.Name}.\");");
        }
    }

    private static bool IsObjectish(UnionCase c) => c.Type.Kind is TypeKind.Record or TypeKind.Map || (c.Type.Kind == TypeKind.Struct && c.TypeValues.Count > 0);

    private static void EmitTokenCase(SourceWriter w, TypeModel type, string root, string token, System.Func<UnionCase, bool> match, string? alsoToken = null)
    {
        var c = type.Cases.FirstOrDefault(match);
        if (c == null)
        {
            return;
        }

        w.Line($"case {JsonCode.JsonTokenType}.{token}:");
        if (alsoToken != null)
        {
            w.Line($"case {JsonCode.JsonTokenType}.{alsoToken}:");
        }

        w.Line($"    return new {type.Name}({JsonCode.Read(c.Type, "reader", root, "strings")});");
    }

    private static void EmitNumberCase(SourceWriter w, TypeModel type, string root)
    {
        var integer = type.Cases.FirstOrDefault(c => c.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        var number = type.Cases.FirstOrDefault(c => c.Type.Kind == TypeKind.Double);
        if (integer == null && number == null)
        {
            return;
        }

        w.Line($"case {JsonCode.JsonTokenType}.Number:");
        w.Indent();
        if (integer != null && number != null)
        {
            w.Line($"if (reader.TryGetInt64(out _)) return new {type.Name}({JsonCode.Read(integer.Type, "reader", root, "strings")});");
        }

        w.Line($"return new {type.Name}({JsonCode.Read((number ?? integer)!.Type, "reader", root, "strings")});");
        w.Unindent();
    }

    private static void EmitWrite(SourceWriter w, TypeModel type)
    {
        using (w.Block($"public void WriteJson({JsonCode.Writer} writer, {JsonCode.WireOptions} options)"))
        {
            using (w.Block("switch (_value)"))
            {
                var i = 0;
                foreach (var c in type.Cases)
                {
                    var v = "__c" + i++;
                    w.Line($"case {Stored(c.Type)} {v}:");
                    w.Indent();
                    JsonCode.Write(w, c.Type.Kind switch
                    {
                        TypeKind.Array or TypeKind.Map => c.Type,
                        _ => c.Type.AsNonNullable(),
                    }, v, v + "_");
                    w.Line("return;");
                    w.Unindent();
                }

                w.Line("default:");
                w.Line("    writer.WriteNullValue();");
                w.Line("    return;");
            }
        }
    }
}
