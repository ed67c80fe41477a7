using Foundry.Generated.Generator.Schemas;
using Foundry.Generated.Generator.Naming;

namespace Foundry.Generated.Generator.Emit.Types;

/// <summary>
/// C# snippets that read and write one value of a <see cref="TypeRef"/> with Utf8JsonReader/Utf8JsonWriter
/// (no reflection, no JsonSerializer). Reading goes through the runtime's <c>FoundryJsonReader</c> helpers.
/// </summary>
internal static class JsonCode
{
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string WireOptions = "global::Foundry.Generated.Runtime.FoundryWireOptions";

    /// <summary>The compiled reading helpers of the runtime (not templated: they do not depend on the spec).</summary>
    public const string Helpers = "global::Foundry.Generated.Runtime.Internal.FoundryJsonReader";

    /// <summary>The <c>FoundryStringCache?</c> parameter every generated reader takes and passes on.</summary>
    public const string StringCache = "global::Foundry.Generated.Runtime.FoundryStringCache";

    /// <summary>
    /// An expression reading the value the reader is positioned on, typed exactly as <paramref name="type"/>.
    /// <paramref name="strings"/> names the <c>FoundryStringCache?</c> in scope; <paramref name="jsonName"/>, the
    /// property being read, decides whether a string goes through it (<see cref="IsRepeatedValue"/>).
    /// </summary>
    public static string Read(TypeRef type, string reader, string root, string strings, string? jsonName = null, int depth = 0)
    {
        var j = Helpers;
        var bang = type.Nullable ? string.Empty : "!";
        switch (type.Kind)
        {
            case TypeKind.String:
                return IsRepeatedValue(jsonName) ? $"{j}.RepeatedString(ref {reader}, {strings}){bang}" : $"{j}.String(ref {reader}){bang}";
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Double:
            case TypeKind.Boolean:
                return $"{j}.{(type.Nullable ? "Nullable" : string.Empty)}{type.Kind}(ref {reader})";
            case TypeKind.Json:
                return $"{j}.{(type.Nullable ? "NullableElement" : "Element")}(ref {reader})";
            case TypeKind.Record:
                return $"{j}.Model<{type.Name}>(ref {reader}, {strings}){bang}";
            case TypeKind.Struct:
                return type.Nullable ? $"{j}.NullableStruct<{type.Name}>(ref {reader}, {strings})" : $"{type.Name}.ReadJson(ref {reader}, {strings})";
            case TypeKind.Array:
            case TypeKind.Map:
                var inner = "r" + depth;
                var innerStrings = "s" + depth;
                var method = type.Kind == TypeKind.Array ? "List" : "Map";
                // Cast to the declared interface: List<List<T>> is not an IReadOnlyList<IReadOnlyList<T>>.
                var element = Read(type.Element!, inner, root, innerStrings, jsonName, depth + 1);
                var call = $"{j}.{method}(ref {reader}, {strings}, static (ref {Reader} {inner}, {StringCache}? {innerStrings}) => {element})";
                return type.Nullable ? $"({type.CSharp}){call}" : $"({type.CSharp}){call}!";
            default:
                return $"{j}.Element(ref {reader})";
        }
    }

    /// <summary>
    /// Properties whose values repeat on every event of a stream, so a per-stream cache saves a string each time:
    /// identifiers (<c>id</c>, <c>item_id</c>, <c>responseId</c>), model names, <c>object</c>, <c>role</c> and
    /// <c>system_fingerprint</c>. Text never goes through the cache.
    /// </summary>
    public static bool IsRepeatedValue(string? jsonName)
        => jsonName is "id" or "model" or "modelVersion" or "object" or "role" or "system_fingerprint"
           || (jsonName != null && (jsonName.EndsWith("_id", System.StringComparison.Ordinal) || jsonName.EndsWith("Id", System.StringComparison.Ordinal)));

    /// <summary>Statements writing <paramref name="expression"/> (null writes JSON null); <paramref name="scope"/> keeps local names unique.</summary>
    public static void Write(SourceWriter w, TypeRef type, string expression, string scope, int depth = 0)
    {
        if (type.Nullable)
        {
            var v = scope + "v" + depth;
            using (w.Block($"if ({expression} is {{ }} {v})"))
            {
                Write(w, type.AsNonNullable(), v, scope, depth + 1);
            }

            using (w.Block("else"))
            {
                w.Line("writer.WriteNullValue();");
            }

            return;
        }

        switch (type.Kind)
        {
            case TypeKind.String:
                w.Line($"writer.WriteStringValue({expression});");
                break;
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Double:
                w.Line($"writer.WriteNumberValue({expression});");
                break;
            case TypeKind.Boolean:
                w.Line($"writer.WriteBooleanValue({expression});");
                break;
            case TypeKind.Json:
                w.Line($"{expression}.WriteTo(writer);");
                break;
            case TypeKind.Record:
            case TypeKind.Struct:
                w.Line($"{expression}.WriteJson(writer, options);");
                break;
            case TypeKind.Array:
                var item = scope + "item" + depth;
                w.Line("writer.WriteStartArray();");
                using (w.Block($"foreach (var {item} in {expression})"))
                {
                    Write(w, type.Element!, item, scope, depth + 1);
                }

                w.Line("writer.WriteEndArray();");
                break;
            case TypeKind.Map:
                var pair = scope + "pair" + depth;
                w.Line("writer.WriteStartObject();");
                using (w.Block($"foreach (var {pair} in {expression})"))
                {
                    w.Line($"writer.WritePropertyName({pair}.Key);");
                    Write(w, type.Element!, pair + ".Value", scope, depth + 1);
                }

                w.Line("writer.WriteEndObject();");
                break;
        }
    }

    /// <summary>A UTF-8 literal for a JSON property name.</summary>
    public static string Utf8(string text) => CSharpIdentifiers.StringLiteral(text) + "u8";
}
