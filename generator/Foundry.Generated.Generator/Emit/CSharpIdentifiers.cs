using System.Text;

namespace Foundry.Generated.Generator.Emit;

/// <summary>Turns wire names (snake_case, camelCase, dotted) into valid C# identifiers.</summary>
internal static class CSharpIdentifiers
{
    private static readonly string[] Keywords =
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary><c>max_output_tokens</c> → <c>MaxOutputTokens</c> (see <see cref="Foundry.Generated.Catalog.Naming.PascalCase"/>).</summary>
    public static string ToPascalCase(string name) => Foundry.Generated.Catalog.Naming.PascalCase.From(name);

    /// <summary>Escapes a C# keyword with <c>@</c>.</summary>
    public static string EscapeKeyword(string identifier)
    {
        foreach (var keyword in Keywords)
        {
            if (keyword == identifier)
            {
                return "@" + identifier;
            }
        }

        return identifier;
    }

    /// <summary>A C# string literal for <paramref name="value"/>.</summary>
    public static string StringLiteral(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ')
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
}
