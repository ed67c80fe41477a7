using System;
using System.Linq;
#if FOUNDRY_INTERNAL_CATALOG
using Foundry.Generated.Runtime.Routes;
#else
using Foundry.Generated.Catalog.Routes;
#endif
using System.Text;
using System.Text.RegularExpressions;

namespace Foundry.Generated.Catalog.ModelIds;

/// <summary>Shapes of model ids and RIDs, shared by the generator, the analyzer and the runtime.</summary>
/// <remarks>Also compiled into the runtime (FOUNDRY_INTERNAL_CATALOG), where it is internal: not the runtime's API.</remarks>
#if FOUNDRY_INTERNAL_CATALOG
internal
#else
public
#endif
static class ModelIdRules
{
    public const string RidPrefix = "ri.language-model-service..language-model.";

    /// <summary>The proxy route ids (<see cref="ProxyRoutes"/>).</summary>
    public static readonly string[] KnownRoutes = ProxyRoutes.All.Select(r => r.Id).ToArray();

    private static readonly Regex Rid = new Regex(
        "^ri\\.language-model-service\\.\\.language-model\\.[A-Za-z0-9][A-Za-z0-9._-]*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public static bool IsKnownRoute(string route) => Array.IndexOf(KnownRoutes, route) >= 0;

    /// <summary>True for <c>ri.language-model-service..language-model.&lt;slug&gt;</c> (prefix case-insensitive).</summary>
    public static bool IsWellFormedRid(string? text) => text != null && Rid.IsMatch(text);

    /// <summary>True when the string looks like an attempt at a RID (so a malformed one is reported as such).</summary>
    public static bool LooksLikeRid(string? text) => text != null && text.StartsWith("ri.", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="text"/> names the model: its id or an alias (case-insensitive), or its RID.</summary>
    public static bool Names(string text, string id, string rid, System.Collections.Generic.IEnumerable<string> aliases)
    {
        if (string.Equals(text, id, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var alias in aliases)
        {
            if (string.Equals(text, alias, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return RidEquals(text, rid);
    }

    /// <summary>RIDs compare with a case-insensitive prefix and an exact slug.</summary>
    public static bool RidEquals(string text, string rid)
        => text.Length == rid.Length
            && text.StartsWith(RidPrefix, StringComparison.OrdinalIgnoreCase)
            && string.CompareOrdinal(text, RidPrefix.Length, rid, RidPrefix.Length, rid.Length - RidPrefix.Length) == 0;

    /// <summary>
    /// C# member name for a model id: PascalCase of the parts split on '-' and '.', with '_' between two parts when
    /// the first ends and the next starts with a digit (<c>gpt-5.2</c> → <c>Gpt5_2</c>, <c>gpt-5-mini</c> → <c>Gpt5Mini</c>).
    /// </summary>
    public static string ToCSharpName(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (var part in id.Split(new[] { '-', '.', '_', ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var clean = new StringBuilder(part.Length);
            foreach (var c in part)
            {
                if (char.IsLetterOrDigit(c))
                {
                    clean.Append(c);
                }
            }

            if (clean.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0 && char.IsDigit(sb[sb.Length - 1]) && char.IsDigit(clean[0]))
            {
                sb.Append('_');
            }

            sb.Append(char.ToUpperInvariant(clean[0]));
            sb.Append(clean.ToString(1, clean.Length - 1));
        }

        if (sb.Length == 0)
        {
            return "Model";
        }

        return char.IsDigit(sb[0]) ? "M" + sb : sb.ToString();
    }
}
