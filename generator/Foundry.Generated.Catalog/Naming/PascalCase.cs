using System.Text;

namespace Foundry.Generated.Catalog.Naming;

/// <summary>Wire names to PascalCase, shared by the spec sync (component names) and the generator (C# names).</summary>
public static class PascalCase
{
    /// <summary><c>max_output_tokens</c> → <c>MaxOutputTokens</c>; <c>response.output_text.delta</c> → <c>ResponseOutputTextDelta</c>; a leading digit gets <c>_</c>.</summary>
    public static string From(string name)
    {
        var sb = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        if (sb.Length == 0)
        {
            return "Value";
        }

        if (char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }
}
