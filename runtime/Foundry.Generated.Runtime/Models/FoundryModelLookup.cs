using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Foundry.Generated.Catalog.ModelIds;

namespace Foundry.Generated.Runtime;

/// <summary>Look-ups over catalogued models, shared by the generated <c>FoundryModels</c> and model-id structs.</summary>
public static class FoundryModelLookup
{
    /// <summary>Friendly id or alias (case-insensitive) or RID (prefix case-insensitive, slug exact).</summary>
    public static bool TryFind(IReadOnlyList<FoundryModelInfo> models, string? idOrRid, [NotNullWhen(true)] out FoundryModelInfo? info)
    {
        info = null;
        if (string.IsNullOrWhiteSpace(idOrRid))
        {
            return false;
        }

        var text = idOrRid.Trim();
        foreach (var model in models)
        {
            if (ModelIdRules.Names(text, model.Id, model.Rid, model.Aliases))
            {
                info = model;
                return true;
            }
        }

        return false;
    }

    public static IReadOnlyList<string> Suggest(IReadOnlyList<FoundryModelInfo> models, string text, int max = 3)
        => ModelIdSuggester.Suggest(text, models.Select(m => (m.Id, ModelIdSuggester.Names(m.Id, m.Rid, m.Aliases))), max).ToArray();

    public static bool IsWellFormedRid(string? text) => ModelIdRules.IsWellFormedRid(text);

    /// <summary>Why <paramref name="id"/> cannot be used on <paramref name="route"/>, with what to do instead.</summary>
    public static string DescribeMismatch(IReadOnlyList<FoundryModelInfo> models, string? id, string route)
    {
        if (TryFind(models, id, out var info))
        {
            return $"Model '{info.Id}' does not work on route '{route}'; it works on: {string.Join(", ", info.Routes)} (preferred: {info.PreferredRoute}).";
        }

        var suggestions = Suggest(models, id ?? string.Empty);
        var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(" or ", suggestions.Select(s => "'" + s + "'"))}?" : string.Empty;
        return $"'{id}' is not a model in the Foundry model catalog.{hint}";
    }
}
