using System;
using System.Text.RegularExpressions;

namespace Foundry.Generated.Generator.Schemas;

/// <summary>Finds an enum value's own description in the prose of its enum (upstream writes them as Markdown lists).</summary>
internal static class EnumValueDescriptions
{
    /// <summary>
    /// A value's own line in its enum's description, as upstream writes them ("Values:\n  direct: The model can call…",
    /// "- `5m`: 5 minutes"), or null.
    /// </summary>
    public static string? Find(string? description, string value)
    {
        if (description == null || value.Length == 0)
        {
            return null;
        }

        var line = new Regex(
            @"^[ \t]*(?:[-*+][ \t]+)?(`?)" + Regex.Escape(value) + @"\1[ \t]*(?::|[-–—][ \t])[ \t]*(\S.*?)[ \t]*\r?$",
            RegexOptions.Multiline | RegexOptions.CultureInvariant);
        var match = line.Match(description);
        return match.Success ? match.Groups[2].Value : null;
    }
}
