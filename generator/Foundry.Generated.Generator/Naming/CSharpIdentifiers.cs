using System;
using System.Collections.Generic;
using System.Text;

namespace Foundry.Generated.Generator.Naming;

/// <summary>
/// The one naming rule of the generator. A wire name (snake_case, camelCase, dotted, Unicode, anything) becomes an
/// identifier with <see cref="Identifier"/>; that identifier is then claimed in the <see cref="NameScope"/> it will be
/// declared in (a namespace, a type's members, an enum's values, a union's cases), which knows every name the scope
/// already holds — the enclosing type's own name, members the emitters add or C# synthesises or inherits, names claimed
/// before — compared ignoring case. A taken name gets the scope's suffix and then a number; the caller reports the
/// rename (FDRY106). The member lists below are what the emitters in <c>Emit/</c> declare; keep them in step.
/// </summary>
internal static class CSharpIdentifiers
{
    private static readonly HashSet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        // Contextual keywords that change meaning as a type or local name.
        "var", "dynamic", "nameof", "value", "record", "field", "scoped", "nint", "nuint", "_",
    };

    /// <summary>Members every class and struct has (<c>object</c>'s); a member named like one hides it (CS0108/CS0114).</summary>
    public static readonly IReadOnlyList<string> ObjectMembers = new[]
    {
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>
    /// Members of every generated record, discriminated union and union member: the ones C# synthesises for records
    /// (and <c>Clone</c>, which no record may declare: CS8859),
    /// the unknown-property bag, the JSON methods (<c>Emit/Types/RecordEmitter</c>, <c>DiscriminatedUnionEmitter</c>),
    /// the missing-required mask and the UTF-8 matchers.
    /// </summary>
    public static readonly IReadOnlyList<string> RecordMembers = Concat(ObjectMembers, new[]
    {
        "EqualityContract", "PrintMembers", "Deconstruct", "Clone", "AdditionalProperties", "WriteJson", "ReadJson", "MissingRequired", "ExplicitNulls",
        "__PropertyIndex", "__MemberIndex",
    });

    /// <summary>Members of <c>Unknown…</c> union members besides <see cref="RecordMembers"/>.</summary>
    public static readonly IReadOnlyList<string> UnknownMemberMembers = new[] { "DiscriminatorValue", "Raw" };

    /// <summary>Members of <c>{Union}{Member}</c> wrappers besides <see cref="RecordMembers"/>.</summary>
    public static readonly IReadOnlyList<string> WrapperMembers = new[] { "Value" };

    /// <summary>Members of an extensible string enum (<c>EnumStructEmitter</c>) besides its values.</summary>
    public static readonly IReadOnlyList<string> EnumMembers = Concat(ObjectMembers, new[] { "_value", "Value", "WriteJson", "ReadJson", "__ValueIndex" });

    /// <summary>Members of a union struct (<c>UnionStructEmitter</c>) besides its <c>Is…</c>/<c>As…</c> accessors.</summary>
    public static readonly IReadOnlyList<string> UnionStructMembers = Concat(ObjectMembers, new[] { "_value", "Value", "PrintMembers", "WriteJson", "ReadJson" });

    /// <summary>Members of <c>FoundryLlmClient</c> (<c>ClientEmitter.EmitRoot</c>) besides one property per route client.</summary>
    public static readonly IReadOnlyList<string> RootClientMembers = Concat(ObjectMembers, new[] { "_ownsPipeline", "Pipeline", "Dispose" });

    /// <summary><c>max_output_tokens</c> → <c>MaxOutputTokens</c> (see <see cref="Foundry.Generated.Catalog.Naming.PascalCase"/>).</summary>
    public static string ToPascalCase(string name) => Foundry.Generated.Catalog.Naming.PascalCase.From(name);

    /// <summary>
    /// A valid C# identifier for any wire name: PascalCase of its letters and digits (any script), <c>_</c> before a
    /// leading digit, <c>Value</c> when nothing is left, never a keyword. It does not know its scope: claim it in one.
    /// </summary>
    public static string Identifier(string wireName)
    {
        var name = ToPascalCase(wireName ?? string.Empty);
        return IsIdentifier(name) ? EscapeKeyword(name) : "Value";
    }

    /// <summary>Whether <paramref name="name"/> is an identifier C# accepts as written (keywords excluded).</summary>
    public static bool IsIdentifier(string name)
    {
        if (string.IsNullOrEmpty(name) || Keywords.Contains(name))
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var category = char.GetUnicodeCategory(name[i]);
            var letter = category is System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter
                or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter
                or System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.LetterNumber;
            var part = letter || name[i] == '_' || category is System.Globalization.UnicodeCategory.DecimalDigitNumber
                or System.Globalization.UnicodeCategory.ConnectorPunctuation or System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.Format;
            if (i == 0 ? !(letter || name[i] == '_') : !part)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Escapes a C# keyword with <c>@</c> (for names used as they are, such as parameters).</summary>
    public static string EscapeKeyword(string identifier) => Keywords.Contains(identifier) && identifier != "_" ? "@" + identifier : identifier;

    /// <summary>A C# string literal for <paramref name="value"/>.</summary>
    public static string StringLiteral(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
                continue;
            }

            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    // Control characters, the other line terminators C# knows (NEL, LS, PS) and lone surrogates: escaped.
                    if (c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
        return sb.ToString();
    }

    private static IReadOnlyList<string> Concat(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var all = new List<string>(first);
        all.AddRange(second);
        return all;
    }
}
