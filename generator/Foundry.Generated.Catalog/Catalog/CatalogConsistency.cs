using System;
using System.Collections.Generic;

namespace Foundry.Generated.Catalog;

/// <summary>Cross-entry checks: every id, alias and C# name must be unique; a successor must be a catalogued id.</summary>
internal static class CatalogConsistency
{
    public static void Check(List<CatalogModel> models, ReadContext context)
    {
        CheckUnique(models, context);
        CheckSuccessors(models, context);
    }

    private static void CheckSuccessors(List<CatalogModel> models, ReadContext context)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in models)
        {
            ids.Add(model.Id);
        }

        for (var i = 0; i < models.Count; i++)
        {
            var model = models[i];
            if (model.Successor is not { } successor)
            {
                continue;
            }

            if (!ids.Contains(successor))
            {
                context.Report(CatalogProblemKind.InvalidEntry, $"successor '{successor}' of model '{model.Id}' is not a model id in the catalog", "/models/" + i + "/successor");
            }
            else if (string.Equals(successor, model.Id, StringComparison.OrdinalIgnoreCase))
            {
                context.Report(CatalogProblemKind.InvalidEntry, $"model '{model.Id}' names itself as its successor", "/models/" + i + "/successor");
            }
        }
    }

    private static void CheckUnique(List<CatalogModel> models, ReadContext context)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var csharpNames = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < models.Count; i++)
        {
            var model = models[i];
            var pointer = "/models/" + i;
            if (names.TryGetValue(model.Id, out var owner))
            {
                context.Report(CatalogProblemKind.DuplicateModel, $"model id '{model.Id}' appears more than once (first as '{owner}')", pointer + "/id");
                continue;
            }
            else
            {
                names[model.Id] = model.Id;
            }

            foreach (var alias in model.Aliases)
            {
                if (names.TryGetValue(alias, out var aliasOwner) && aliasOwner != model.Id)
                {
                    context.Report(CatalogProblemKind.DuplicateModel, $"alias '{alias}' of '{model.Id}' is already used by '{aliasOwner}'", pointer + "/aliases");
                }
                else
                {
                    names[alias] = model.Id;
                }
            }

            if (csharpNames.TryGetValue(model.CSharpName, out var other))
            {
                context.Report(CatalogProblemKind.DuplicateModel, $"models '{other}' and '{model.Id}' both map to the C# name '{model.CSharpName}'; set csharpName on one", pointer + "/id");
            }
            else
            {
                csharpNames[model.CSharpName] = model.Id;
            }
        }
    }
}
