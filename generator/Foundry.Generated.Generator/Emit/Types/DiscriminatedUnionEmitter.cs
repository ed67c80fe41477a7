using System.Collections.Generic;
using Foundry.Generated.Generator.Schemas;
using Foundry.Generated.Generator.Naming;

namespace Foundry.Generated.Generator.Emit.Types;

/// <summary>
/// A oneOf with a discriminator: an abstract record that dispatches on the discriminator (peeked from a copy of the
/// reader, so nothing is buffered) and an <c>Unknown…</c> member keeping any value the spec does not know yet.
/// </summary>
internal static class DiscriminatedUnionEmitter
{
    public static void Emit(SourceWriter w, TypeModel type, string visibility)
    {
        var unknown = type.UnknownName!;
        var unknownFull = "global::" + type.Namespace + "." + unknown;
        var helpers = JsonCode.Helpers;
        TypeEmitter.Header(w, type);
        using (w.Block($"{visibility} abstract partial record {type.Name} : global::Foundry.Generated.Runtime.IFoundryJsonModel<{type.Name}>"))
        {
            w.Line($"/// <summary>JSON <c>{DocComments.Escape(type.DiscriminatorJsonName!)}</c>: which member this is.</summary>");
            w.Line($"public abstract string {type.DiscriminatorCSharpName} {{ get; }}");
            w.Line();
            w.Line("/// <summary>Properties the spec does not describe, kept so they survive a round trip.</summary>");
            w.Line("public global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; set; }");
            w.Line();
            w.Line($"public abstract void WriteJson({JsonCode.Writer} writer, {JsonCode.WireOptions} options);");
            w.Line();
            w.Line("/// <summary>Reads the member named by the discriminator; unknown values become <see cref=\"" + unknownFull + "\"/>.</summary>");
            w.Line($"public static {type.Name} ReadJson(ref {JsonCode.Reader} reader) => ReadJson(ref reader, null);");
            w.Line();
            w.Line("/// <summary>As <see cref=\"ReadJson(ref global::System.Text.Json.Utf8JsonReader)\"/>, taking repeated strings from <paramref name=\"strings\"/>.</summary>");
            using (w.Block($"public static {type.Name} ReadJson(ref {JsonCode.Reader} reader, {JsonCode.StringCache}? strings)"))
            {
                w.Line($"{helpers}.ExpectObject(ref reader, {CSharpIdentifiers.StringLiteral(type.Name)});");
                // The discriminator's UTF-8 bytes are matched in place (no string per event), by length first, so a
                // union of fifty members costs one or two comparisons. A union without a member it can generate reads
                // every value as unknown (an empty switch is CS1522).
                using (type.Cases.Count == 0 ? default(SourceWriter.Scope?) : w.Block($"if ({helpers}.TryPeekProperty(reader, {JsonCode.Utf8(type.DiscriminatorJsonName!)}, out var discriminator))"))
                {
                    if (type.Cases.Count > 0)
                    {
                        using (w.Block($"switch (__MemberIndex({helpers}.Utf8Text(ref discriminator)))"))
                        {
                            var index = 0;
                            foreach (var c in type.Cases)
                            {
                                w.Line($"case {index++}: return {c.Type.Name}.ReadJson(ref reader, strings);");
                            }
                        }
                    }
                }

                w.Line($"return {unknownFull}.ReadJson(ref reader);");
            }

            if (type.Cases.Count > 0)
            {
                w.Line();
                var members = new List<(string, int)>();
                for (var i = 0; i < type.Cases.Count; i++)
                {
                    members.Add((type.Cases[i].Value!, i));
                }

                Utf8Matcher.Emit(w, "__MemberIndex", "The index of a member by its UTF-8 discriminator value; -1 for a value the spec does not know.", members);
            }

            // A member that derives from another union is held by a wrapper; converting to the union itself wraps it, so
            // code that assigns such a member compiles whichever union it derives from.
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var c in type.Cases)
            {
                if (c.Wrapped?.Name is { } wrapped && seen.Add(wrapped))
                {
                    w.Line();
                    w.Line($"/// <summary>Wraps a <see cref=\"{wrapped}\"/> as this union's member <see cref=\"{c.Type.Name}\"/>.</summary>");
                    w.Line($"public static implicit operator {type.Name}({wrapped} value) => new {c.Type.Name} {{ Value = value }};");
                }
            }
        }

        w.Line();
        w.Line($"/// <summary>A <see cref=\"{type.Name}\"/> whose <c>{DocComments.Escape(type.DiscriminatorJsonName!)}</c> the spec does not know; the raw JSON is kept.</summary>");
        TypeEmitter.GeneratedCode(w);
        using (w.Block($"{visibility} sealed partial record {unknown} : {type.Name}, global::Foundry.Generated.Runtime.IFoundryJsonModel<{unknown}>"))
        {
            w.Line("/// <summary>The discriminator value as received (empty when missing).</summary>");
            w.Line("public required string DiscriminatorValue { get; init; }");
            w.Line();
            w.Line("/// <summary>The whole JSON object as received.</summary>");
            w.Line("public required global::System.Text.Json.JsonElement Raw { get; init; }");
            w.Line();
            w.Line($"public override string {type.DiscriminatorCSharpName} => this.DiscriminatorValue;");
            w.Line();
            w.Line($"public override void WriteJson({JsonCode.Writer} writer, {JsonCode.WireOptions} options) => this.Raw.WriteTo(writer);");
            w.Line();
            w.Line($"public static new {unknown} ReadJson(ref {JsonCode.Reader} reader, {JsonCode.StringCache}? strings) => ReadJson(ref reader);");
            w.Line();
            using (w.Block($"public static new {unknown} ReadJson(ref {JsonCode.Reader} reader)"))
            {
                w.Line($"var value = {helpers}.PeekString(reader, {JsonCode.Utf8(type.DiscriminatorJsonName!)}) ?? string.Empty;");
                w.Line($"return new {unknown} {{ DiscriminatorValue = value, Raw = global::System.Text.Json.JsonElement.ParseValue(ref reader) }};");
            }
        }
    }

    /// <summary>A member that already derives from another union, wrapped so it can be a member here too.</summary>
    public static void EmitCase(SourceWriter w, TypeModel type, string visibility)
    {
        var wrapped = type.Wrapped!.Name!;
        TypeEmitter.GeneratedCode(w);
        using (w.Block($"{visibility} sealed partial record {type.Name} : {type.BaseType}, global::Foundry.Generated.Runtime.IFoundryJsonModel<{type.Name}>"))
        {
            w.Line($"public required {wrapped} Value {{ get; init; }}");
            w.Line();
            w.Line($"public override string {type.DiscriminatorCSharpName} => {CSharpIdentifiers.StringLiteral(type.DiscriminatorValue!)};");
            w.Line();
            // Read values keep their unknown properties on Value; ones added to the wrapper are written with Value's.
            w.Line("/// <summary>Writes <see cref=\"Value\"/>, with any properties added to this wrapper's <c>AdditionalProperties</c>.</summary>");
            using (w.Block($"public override void WriteJson({JsonCode.Writer} writer, {JsonCode.WireOptions} options)"))
            {
                using (w.Block("if (this.AdditionalProperties is not { Count: > 0 } __extra)"))
                {
                    w.Line("this.Value.WriteJson(writer, options);");
                    w.Line("return;");
                }

                w.Line("var __merged = this.Value.AdditionalProperties is { } __own ? new global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>(__own) : new global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>();");
                using (w.Block("foreach (var __pair in __extra)"))
                {
                    w.Line("__merged[__pair.Key] = __pair.Value;");
                }

                w.Line("(this.Value with { AdditionalProperties = __merged }).WriteJson(writer, options);");
            }
            w.Line();
            w.Line($"public static new {type.Name} ReadJson(ref {JsonCode.Reader} reader) => ReadJson(ref reader, null);");
            w.Line();
            w.Line($"public static new {type.Name} ReadJson(ref {JsonCode.Reader} reader, {JsonCode.StringCache}? strings) => new {type.Name} {{ Value = {wrapped}.ReadJson(ref reader, strings) }};");
            w.Line();
            w.Line($"public static implicit operator {type.Name}({wrapped} value) => new {type.Name} {{ Value = value }};");
        }
    }
}
