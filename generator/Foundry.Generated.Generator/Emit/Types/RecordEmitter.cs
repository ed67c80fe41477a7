using Foundry.Generated.Generator.Schemas;

namespace Foundry.Generated.Generator.Emit.Types;

/// <summary>Objects: a sealed record with init properties, unknown-property bag and hand-written JSON code.</summary>
internal static class RecordEmitter
{
    public static void Emit(SourceWriter w, TypeModel type, string root)
    {
        var isMember = type.BaseType != null;
        var bases = isMember
            ? $"{type.BaseType}, global::Foundry.Generated.Runtime.IFoundryJsonModel<{type.Name}>"
            : $"global::Foundry.Generated.Runtime.IFoundryJsonModel<{type.Name}>";
        TypeEmitter.Header(w, type);
        using (w.Block($"public sealed partial record {type.Name} : {bases}"))
        {
            if (isMember)
            {
                w.Line($"/// <summary>The discriminator value, always <c>{DocComments.Escape(type.DiscriminatorValue!)}</c>.</summary>");
                w.Line($"public override string {type.DiscriminatorCSharpName} => {CSharpIdentifiers.StringLiteral(type.DiscriminatorValue!)};");
                w.Line();
            }

            foreach (var property in type.Properties)
            {
                EmitProperty(w, property, type.Deprecated);
            }

            if (!isMember)
            {
                w.Line("/// <summary>Properties the spec does not describe, kept so they survive a round trip.</summary>");
                w.Line("public global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; set; }");
                w.Line();
            }

            if (MissingTracked(type).Count > 0)
            {
                w.Line("/// <summary>Required values that were absent when this was read, so writing it back does not invent them.</summary>");
                w.Line("private ulong MissingRequired { get; init; }");
                w.Line();
            }

            EmitWrite(w, type, isMember);
            w.Line();
            EmitRead(w, type, root, isMember);
        }
    }

    /// <summary>Required value-type properties (a default value cannot tell "absent"), by property index (first 64).</summary>
    private static System.Collections.Generic.List<int> MissingTracked(TypeModel type)
    {
        var result = new System.Collections.Generic.List<int>();
        for (var i = 0; i < type.Properties.Count && i < 64; i++)
        {
            var p = type.Properties[i];
            if (p.IsRequired && p.ConstValue == null && p.Type.IsValueType && !p.Type.Nullable)
            {
                result.Add(i);
            }
        }

        return result;
    }

    private static void EmitProperty(SourceWriter w, PropertyModel property, bool typeDeprecated)
    {
        var json = "JSON <c>" + DocComments.Escape(property.JsonName) + "</c>.";
        var description = DocComments.Lines(property.Description);
        // C# rejects [Obsolete] on a required member of a type that is not itself obsolete (CS9042): say it instead.
        var required = property.IsRequired && property.ConstValue == null;
        var obsolete = property.Deprecated && (!required || typeDeprecated);
        var remarks = (description.Count > 0 ? json : string.Empty) + (property.Deprecated && !obsolete ? " Deprecated upstream (not marked obsolete: it is required)." : string.Empty);
        DocComments.Element(w, "summary", description.Count > 0 ? description : new System.Collections.Generic.List<string> { json });
        if (remarks.Length > 0)
        {
            w.Line("/// <remarks>" + remarks.Trim() + "</remarks>");
        }

        if (obsolete)
        {
            w.Line(TypeEmitter.Obsolete);
        }

        if (property.ConstValue != null)
        {
            w.Line($"public string {property.CSharpName} => {CSharpIdentifiers.StringLiteral(property.ConstValue)};");
        }
        else if (property.IsRequired)
        {
            w.Line($"public required {property.Type.CSharp} {property.CSharpName} {{ get; init; }}");
        }
        else
        {
            w.Line($"public {property.Type.CSharp} {property.CSharpName} {{ get; init; }}");
        }

        w.Line();
    }

    private static void EmitWrite(SourceWriter w, TypeModel type, bool isMember)
    {
        var modifier = isMember ? "override " : string.Empty;
        using (w.Block($"public {modifier}void WriteJson({JsonCode.Writer} writer, {JsonCode.WireOptions} options)"))
        {
            w.Line("writer.WriteStartObject();");
            if (isMember)
            {
                w.Line($"writer.WriteString({JsonCode.Utf8(type.DiscriminatorJsonName!)}, {CSharpIdentifiers.StringLiteral(type.DiscriminatorValue!)});");
            }

            var tracked = MissingTracked(type);
            for (var index = 0; index < type.Properties.Count; index++)
            {
                var property = type.Properties[index];
                var name = JsonCode.Utf8(property.JsonName);
                if (tracked.Contains(index))
                {
                    using (w.Block($"if ((this.MissingRequired & {1UL << index}UL) == 0)"))
                    {
                        w.Line($"writer.WritePropertyName({name});");
                        JsonCode.Write(w, property.Type, "this." + property.CSharpName, "__" + property.CSharpName + "_");
                    }
                }
                else if (property.ConstValue != null)
                {
                    w.Line($"writer.WriteString({name}, {CSharpIdentifiers.StringLiteral(property.ConstValue)});");
                }
                else if (!property.IsRequired)
                {
                    using (w.Block($"if (this.{property.CSharpName} is {{ }} __{property.CSharpName})"))
                    {
                        w.Line($"writer.WritePropertyName({name});");
                        JsonCode.Write(w, property.Type.AsNonNullable(), "__" + property.CSharpName, "__" + property.CSharpName + "_");
                    }
                }
                else
                {
                    // Reading is lenient, so a required reference may be missing (null): write null rather than throw.
                    w.Line($"writer.WritePropertyName({name});");
                    var written = property.Type.IsValueType ? property.Type : property.Type.AsNullable();
                    JsonCode.Write(w, written, "this." + property.CSharpName, "__" + property.CSharpName + "_");
                }
            }

            using (w.Block("if (this.AdditionalProperties is { } __extra)"))
            {
                using (w.Block("foreach (var __pair in __extra)"))
                {
                    w.Line("writer.WritePropertyName(__pair.Key);");
                    w.Line("__pair.Value.WriteTo(writer);");
                }
            }

            w.Line("writer.WriteEndObject();");
        }
    }

    private static void EmitRead(SourceWriter w, TypeModel type, string root, bool isMember)
    {
        var helpers = JsonCode.Helpers;
        var hide = isMember ? "new " : string.Empty;
        var names = PropertyIndexes(type, isMember);
        w.Line($"/// <summary>Reads a <see cref=\"{type.Name}\"/> from the JSON object the reader is on.</summary>");
        w.Line($"public static {hide}{type.Name} ReadJson(ref {JsonCode.Reader} reader) => ReadJson(ref reader, null);");
        w.Line();
        w.Line($"/// <summary>Reads a <see cref=\"{type.Name}\"/>, taking repeated strings (ids, model names) from <paramref name=\"strings\"/>.</summary>");
        using (w.Block($"public static {hide}{type.Name} ReadJson(ref {JsonCode.Reader} reader, {JsonCode.StringCache}? strings)"))
        {
            w.Line($"{helpers}.ExpectObject(ref reader, {CSharpIdentifiers.StringLiteral(type.Name)});");
            var index = 0;
            foreach (var property in type.Properties)
            {
                if (property.ConstValue == null)
                {
                    var initial = property.Type.Nullable || property.Type.IsValueType ? "default" : "default!";
                    w.Line($"{property.Type.CSharp} __p{index} = {initial};");
                }

                index++;
            }

            w.Line("global::Foundry.Generated.Runtime.FoundryJsonPropertyBag? __extra = null;");
            var tracked = MissingTracked(type);
            ulong trackedMask = 0;
            foreach (var t in tracked)
            {
                trackedMask |= 1UL << t;
            }

            if (tracked.Count > 0)
            {
                w.Line("ulong __seen = 0;");
            }

            using (w.Block($"while (reader.Read() && reader.TokenType == {JsonCode.JsonTokenType}.PropertyName)"))
            {
                if (names.Count > 0)
                {
                    EmitPropertySwitch(w, type, root, helpers, names, tracked);
                }

                w.Line($"{helpers}.AddUnknown(ref __extra, ref reader);");
            }

            w.Line($"return new {type.Name}");
            w.Line("{");
            w.Indent();
            index = 0;
            foreach (var property in type.Properties)
            {
                if (property.ConstValue == null)
                {
                    w.Line($"{property.CSharpName} = __p{index},");
                }

                index++;
            }

            w.Line("AdditionalProperties = __extra,");
            if (tracked.Count > 0)
            {
                w.Line($"MissingRequired = {trackedMask}UL & ~__seen,");
            }

            w.Unindent();
            w.Line("};");
        }

        if (names.Count > 0)
        {
            w.Line();
            Utf8Matcher.Emit(w, "__PropertyIndex", "The index of a property by its UTF-8 JSON name; -1 when this record does not know it.", names);
        }
    }

    private const int DiscriminatorIndex = -2;

    /// <summary>
    /// The JSON names this record reads, with the index its reader switches on: a member's discriminator first (it is
    /// skipped, and wins over a property of the same name), then the properties; the first of a repeated name wins.
    /// </summary>
    private static System.Collections.Generic.List<(string Text, int Index)> PropertyIndexes(TypeModel type, bool isMember)
    {
        var entries = new System.Collections.Generic.List<(string, int)>();
        if (isMember)
        {
            entries.Add((type.DiscriminatorJsonName!, DiscriminatorIndex));
        }

        for (var i = 0; i < type.Properties.Count; i++)
        {
            entries.Add((type.Properties[i].JsonName, i));
        }

        return Utf8Matcher.Distinct(entries);
    }

    // One switch on the property's index: its name is matched once (by length, then bytes) instead of with each
    // property in turn. Only indexes the matcher can return get a case.
    private static void EmitPropertySwitch(SourceWriter w, TypeModel type, string root, string helpers, System.Collections.Generic.List<(string Text, int Index)> names, System.Collections.Generic.List<int> tracked)
    {
        using (w.Block($"switch (__PropertyIndex({helpers}.Utf8Text(ref reader)))"))
        {
            foreach (var (_, index) in names)
            {
                w.Line($"case {index}:");
                w.Indent();
                w.Line("reader.Read();");
                var property = index == DiscriminatorIndex ? null : type.Properties[index];
                if (property == null || property.ConstValue != null)
                {
                    w.Line("reader.Skip();");
                }
                else
                {
                    w.Line($"__p{index} = {JsonCode.Read(property.Type, "reader", root, "strings", property.JsonName)};");
                    if (tracked.Contains(index))
                    {
                        w.Line($"__seen |= {1UL << index}UL;");
                    }
                }

                w.Line("continue;");
                w.Unindent();
            }
        }
    }
}
