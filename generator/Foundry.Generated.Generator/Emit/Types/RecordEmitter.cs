using Foundry.Generated.Generator.Schemas;
using Foundry.Generated.Generator.Naming;

namespace Foundry.Generated.Generator.Emit.Types;

/// <summary>Objects: a sealed record with init properties, unknown-property bag and hand-written JSON code.</summary>
internal static class RecordEmitter
{
    public static void Emit(SourceWriter w, TypeModel type, string root, string visibility)
    {
        var isMember = type.BaseType != null;
        var bases = isMember
            ? $"{type.BaseType}, global::Foundry.Generated.Runtime.IFoundryJsonModel<{type.Name}>"
            : $"global::Foundry.Generated.Runtime.IFoundryJsonModel<{type.Name}>";
        if (type.Choices != null)
        {
            bases += ", " + ChoicesInterface;
        }

        TypeEmitter.Header(w, type);
        using (w.Block($"{visibility} sealed partial record {type.Name} : {bases}"))
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

            if (NullTracked(type).Count > 0)
            {
                w.Line("/// <summary>Optional values that were an explicit JSON null when this was read, so writing it back keeps the null.</summary>");
                w.Line("private ulong ExplicitNulls { get; init; }");
                w.Line();
            }

            if (type.Choices is { } choices)
            {
                EmitChoices(w, choices);
            }

            EmitWrite(w, type, isMember);
            w.Line();
            EmitRead(w, type, root, isMember);
        }
    }

    private const string ChoicesInterface = "global::Foundry.Generated.Runtime.IFoundryStreamChoices";

    // Explicit, so the record's own members stay those of the spec; AdditionalProperties implements the interface's.
    private static void EmitChoices(SourceWriter w, ChoiceShape choices)
    {
        var index = choices.IndexNullable ? $"this.{choices.ArrayMember}![position].{choices.IndexMember} ?? 0" : $"this.{choices.ArrayMember}![position].{choices.IndexMember}";
        w.Line($"int {ChoicesInterface}.ChoiceCount => this.{choices.ArrayMember}?.Count ?? 0;");
        w.Line();
        w.Line($"long {ChoicesInterface}.ChoiceIndex(int position) => {index};");
        w.Line();
        w.Line($"bool {ChoicesInterface}.ChoiceFinished(int position) => this.{choices.ArrayMember}![position].{choices.FinishMember} is not null;");
        w.Line();
    }

    /// <summary>
    /// Required properties, by index (first 64): a value read from JSON that lacked one remembers it, so writing it back
    /// leaves it out instead of inventing a value or a null.
    /// </summary>
    private static System.Collections.Generic.List<int> MissingTracked(TypeModel type)
        => Indexes(type, p => p.IsRequired && p.ConstValue == null);

    /// <summary>Optional nullable properties, by index (first 64): an explicit JSON null is written back as null.</summary>
    private static System.Collections.Generic.List<int> NullTracked(TypeModel type)
        => Indexes(type, p => !p.IsRequired && p.ConstValue == null && p.Type.Nullable);

    private static System.Collections.Generic.List<int> Indexes(TypeModel type, System.Func<PropertyModel, bool> include)
    {
        var result = new System.Collections.Generic.List<int>();
        for (var i = 0; i < type.Properties.Count && i < 64; i++)
        {
            if (include(type.Properties[i]))
            {
                result.Add(i);
            }
        }

        return result;
    }

    /// <summary>
    /// What a required, non-nullable reference property holds when the JSON lacked it (providers omit some): an empty
    /// string or collection, never a null behind a non-nullable type; null for a record, which then fails reading.
    /// </summary>
    private static string? MissingDefault(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "string.Empty",
        TypeKind.Array => $"global::System.Array.Empty<{type.Element!.CSharp}>()",
        TypeKind.Map => $"new global::System.Collections.Generic.Dictionary<string, {type.Element!.CSharp}>()",
        _ => null,
    };

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
            var nullTracked = NullTracked(type);
            for (var index = 0; index < type.Properties.Count; index++)
            {
                var property = type.Properties[index];
                var name = JsonCode.Utf8(property.JsonName);
                // A required reference built in code may still be null (object initializers do not check): write null.
                var written = property.Type.IsValueType ? property.Type : property.Type.AsNullable();
                if (property.ConstValue != null)
                {
                    w.Line($"writer.WriteString({name}, {CSharpIdentifiers.StringLiteral(property.ConstValue)});");
                }
                else if (tracked.Contains(index))
                {
                    using (w.Block($"if ((this.MissingRequired & {1UL << index}UL) == 0)"))
                    {
                        w.Line($"writer.WritePropertyName({name});");
                        JsonCode.Write(w, written, "this." + property.CSharpName, "__" + property.CSharpName + "_");
                    }
                }
                else if (!property.IsRequired)
                {
                    using (w.Block($"if (this.{property.CSharpName} is {{ }} __{property.CSharpName})"))
                    {
                        w.Line($"writer.WritePropertyName({name});");
                        JsonCode.Write(w, property.Type.AsNonNullable(), "__" + property.CSharpName, "__" + property.CSharpName + "_");
                    }

                    if (nullTracked.Contains(index))
                    {
                        using (w.Block($"else if ((this.ExplicitNulls & {1UL << index}UL) != 0)"))
                        {
                            w.Line($"writer.WriteNull({name});");
                        }
                    }
                }
                else
                {
                    w.Line($"writer.WritePropertyName({name});");
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

            var nullTracked = NullTracked(type);
            if (nullTracked.Count > 0)
            {
                w.Line("ulong __nulls = 0;");
            }

            using (w.Block($"while (reader.Read() && reader.TokenType == {JsonCode.JsonTokenType}.PropertyName)"))
            {
                if (names.Count > 0)
                {
                    EmitPropertySwitch(w, type, root, helpers, names, tracked, nullTracked);
                }

                w.Line($"{helpers}.AddUnknown(ref __extra, ref reader);");
            }

            // A required reference the JSON lacked: an empty value of its type, or (a record) a clear error; never null.
            foreach (var t in tracked)
            {
                var property = type.Properties[t];
                if (property.Type.IsValueType || property.Type.Nullable)
                {
                    continue;
                }

                using (w.Block($"if ((__seen & {1UL << t}UL) == 0)"))
                {
                    w.Line(MissingDefault(property.Type) is { } fallback
                        ? $"__p{t} = {fallback};"
                        : $"throw new global::System.Text.Json.JsonException({CSharpIdentifiers.StringLiteral($"{type.Name} has no '{property.JsonName}', which it requires.")});");
                }
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

            if (nullTracked.Count > 0)
            {
                w.Line("ExplicitNulls = __nulls,");
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
    private static void EmitPropertySwitch(SourceWriter w, TypeModel type, string root, string helpers, System.Collections.Generic.List<(string Text, int Index)> names, System.Collections.Generic.List<int> tracked, System.Collections.Generic.List<int> nullTracked)
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
                    if (nullTracked.Contains(index))
                    {
                        w.Line($"if (reader.TokenType == {JsonCode.JsonTokenType}.Null) __nulls |= {1UL << index}UL;");
                    }

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
