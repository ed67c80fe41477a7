using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Foundry.Generated.Catalog.Collections;

namespace Foundry.Generated.Catalog.ModelIds;

/// <summary>"Did you mean" for model ids: dated snapshots, separators, case and small typos.</summary>
/// <remarks>Also compiled into the runtime (FOUNDRY_INTERNAL_CATALOG), where it is internal: not the runtime's API.</remarks>
#if FOUNDRY_INTERNAL_CATALOG
internal
#else
public
#endif
static class ModelIdSuggester
{
    // Provider snapshot suffixes such as -2025-08-07 or -20250929: Foundry ids never carry them.
    private static readonly Regex DateSuffix = new Regex("[-_](\\d{4}-\\d{2}-\\d{2}|\\d{8})$", RegexOptions.CultureInvariant);

    /// <summary>Nearest ids among candidates, each known by several names (id, aliases, RID).</summary>
    public static EquatableArray<string> Suggest(string text, IEnumerable<(string Id, IEnumerable<string> Names)> candidates, int max = 3)
    {
        if (string.IsNullOrWhiteSpace(text) || max <= 0)
        {
            return EquatableArray<string>.Empty;
        }

        var query = Normalize(StripDate(text.Trim()));
        var scored = new List<(int Score, string Id)>();
        foreach (var (id, names) in candidates)
        {
            var best = int.MaxValue;
            foreach (var candidate in names)
            {
                best = Math.Min(best, Score(query, Normalize(candidate)));
            }

            // Allow roughly one edit per three characters, at least two.
            if (best <= Math.Max(2, query.Length / 3))
            {
                scored.Add((best, id));
            }
        }

        scored.Sort((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : string.CompareOrdinal(a.Id, b.Id));
        var result = new List<string>();
        foreach (var s in scored)
        {
            if (result.Count == max)
            {
                break;
            }

            result.Add(s.Id);
        }

        return result.ToEquatableArray();
    }

    /// <summary>The names a model is known by: id, aliases and the RID's slug.</summary>
    public static IEnumerable<string> Names(string id, string rid, IEnumerable<string> aliases)
    {
        yield return id;
        foreach (var alias in aliases)
        {
            yield return alias;
        }

        yield return rid.Substring(rid.LastIndexOf('.') + 1);
    }

    private static string StripDate(string text)
    {
        var slug = text.StartsWith(ModelIdRules.RidPrefix, StringComparison.OrdinalIgnoreCase) ? text.Substring(ModelIdRules.RidPrefix.Length) : text;
        return DateSuffix.Replace(slug, string.Empty);
    }

    // gpt-5.2, GPT_5_2 and gpt-5-2 are the same intent.
    private static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c == '.' || c == '_' || c == ' ' ? '-' : char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static int Score(string a, string b) => a == b ? 0 : Levenshtein(a, b);

    /// <summary>The edit distance of two strings (insertions, deletions, substitutions); also used by the spec sync.</summary>
    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
