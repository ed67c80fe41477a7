using System.Collections.Generic;
using Foundry.Generated.Generator.Schemas;
using Foundry.Generated.Generator.Naming;

namespace Foundry.Generated.Generator.Emit.Types;

/// <summary>
/// A string enum as an extensible value: known values as static properties, any other string accepted
/// (providers add values; a closed C# enum would break on the first new one).
/// </summary>
internal static class EnumStructEmitter
{
    public static void Emit(SourceWriter w, TypeModel type, string visibility)
    {
        TypeEmitter.Header(w, type);
        using (w.Block($"{visibility} readonly partial struct {type.Name} : global::System.IEquatable<{type.Name}>, global::Foundry.Generated.Runtime.IFoundryJsonModel<{type.Name}>"))
        {
            w.Line("private readonly string? _value;");
            w.Line();
            w.Line($"public {type.Name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            w.Line();
            var members = new List<(string Value, string Member)>();
            foreach (var value in type.EnumValues)
            {
                var description = value.Description == null ? "." : ": " + string.Join(" ", DocComments.Lines(value.Description));
                w.Line($"/// <summary>Wire value <c>{DocComments.Escape(value.Value)}</c>{description}</summary>");
                w.Line($"public static {type.Name} {value.CSharpName} {{ get; }} = new {type.Name}({CSharpIdentifiers.StringLiteral(value.Value)});");
                members.Add((value.Value, value.CSharpName));
            }

            w.Line();
            w.Line("/// <summary>The wire value.</summary>");
            w.Line("public string Value => _value ?? string.Empty;");
            w.Line();
            w.Line($"public static implicit operator {type.Name}(string value) => new {type.Name}(value);");
            w.Line($"public static bool operator ==({type.Name} left, {type.Name} right) => left.Equals(right);");
            w.Line($"public static bool operator !=({type.Name} left, {type.Name} right) => !left.Equals(right);");
            w.Line($"public bool Equals({type.Name} other) => string.Equals(this.Value, other.Value, global::System.StringComparison.Ordinal);");
            w.Line($"public override bool Equals(object? obj) => obj is {type.Name} other && this.Equals(other);");
            w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(this.Value);");
            w.Line("public override string ToString() => this.Value;");
            w.Line();
            w.Line($"public void WriteJson({JsonCode.Writer} writer, {JsonCode.WireOptions} options) => writer.WriteStringValue(this.Value);");
            w.Line();
            w.Line($"public static {type.Name} ReadJson(ref {JsonCode.Reader} reader, {JsonCode.StringCache}? strings) => ReadJson(ref reader);");
            w.Line();
            // Known values reuse the static instance's string: streams repeat them on every event.
            using (w.Block($"public static {type.Name} ReadJson(ref {JsonCode.Reader} reader)"))
            {
                if (members.Count > 0)
                {
                    using (w.Block("if (reader.TokenType == global::System.Text.Json.JsonTokenType.String)"))
                    {
                        using (w.Block($"switch (__ValueIndex({JsonCode.Helpers}.Utf8Text(ref reader)))"))
                        {
                            for (var i = 0; i < members.Count; i++)
                            {
                                w.Line($"case {i}: return {members[i].Member};");
                            }
                        }
                    }
                }

                w.Line($"return new {type.Name}({JsonCode.Helpers}.String(ref reader) ?? string.Empty);");
            }

            if (members.Count > 0)
            {
                w.Line();
                var values = new List<(string, int)>();
                for (var i = 0; i < members.Count; i++)
                {
                    values.Add((members[i].Value, i));
                }

                Utf8Matcher.Emit(w, "__ValueIndex", "The index of a known value by its UTF-8 text; -1 for any other value.", values);
            }
        }
    }
}
