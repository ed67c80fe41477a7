using System;
using System.Collections.Generic;
using System.Linq;
using Foundry.Generated.Runtime;

namespace Foundry.Generated.Cli.Probe;

/// <summary>One request of the probe: a catalogued model on one route.</summary>
internal sealed record ProbeTarget(FoundryModelInfo Model, string Route)
{
    /// <summary>The catalog entry with only this route listed, so the generated model type sends it on this route even
    /// where the catalog says it fails there (that is what the probe checks).</summary>
    public FoundryModelInfo OnRoute => new()
    {
        Id = Model.Id,
        Rid = Model.Rid,
        DisplayName = Model.DisplayName,
        Aliases = Model.Aliases,
        Provider = Model.Provider,
        Routes = [Route],
        PreferredRoute = Route,
        Lifecycle = Model.Lifecycle,
        LifecycleDate = Model.LifecycleDate,
        Capabilities = Model.Capabilities,
    };
}

/// <summary>
/// Which model × route pairs to probe: each catalogued model on the routes the catalog lists for it and on the routes
/// of its provider (so a route the catalog says fails is checked too), filtered by <c>--model/--route/--provider</c>.
/// </summary>
internal static class ProbePlan
{
    public static readonly string[] AllRoutes =
    {
        FoundryRoutes.OpenAiResponses, FoundryRoutes.OpenAiChatCompletions, FoundryRoutes.OpenAiEmbeddings, FoundryRoutes.AnthropicMessages,
        FoundryRoutes.GoogleGenerateContent, FoundryRoutes.XaiResponses, FoundryRoutes.XaiChatCompletions,
    };

    public static IReadOnlyList<ProbeTarget> Build(IReadOnlyList<FoundryModelInfo> catalog, ProbeOptions options)
    {
        var models = catalog.Where(m => options.Models.Count == 0 || options.Models.Any(id => FoundryModelLookup.TryFind([m], id, out _))).ToList();
        var unknown = options.Models.Where(id => !FoundryModelLookup.TryFind(catalog, id, out _)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Not in the model catalog: {string.Join(", ", unknown.Select(u => $"'{u}'" + Hint(catalog, u)))}.");
        }

        return models
            .Where(m => options.Providers.Count == 0 || options.Providers.Contains(m.Provider, StringComparer.OrdinalIgnoreCase))
            .SelectMany(m => RoutesOf(m).Where(r => options.Routes.Count == 0 || options.Routes.Contains(r)).Select(r => new ProbeTarget(m, r)))
            .OrderBy(t => t.Model.Id, StringComparer.Ordinal)
            .ThenBy(t => Array.IndexOf(AllRoutes, t.Route))
            .ToList();
    }

    private static IEnumerable<string> RoutesOf(FoundryModelInfo model)
    {
        var routes = new List<string>(model.Routes);
        var embeddings = model.Capabilities.EmbeddingDimensions != null;
        var family = model.Provider switch
        {
            "openai" => embeddings ? [FoundryRoutes.OpenAiEmbeddings] : new[] { FoundryRoutes.OpenAiResponses, FoundryRoutes.OpenAiChatCompletions },
            "anthropic" => [FoundryRoutes.AnthropicMessages],
            "google" => embeddings ? [] : [FoundryRoutes.GoogleGenerateContent],
            "xai" => [FoundryRoutes.XaiResponses, FoundryRoutes.XaiChatCompletions],
            _ => Array.Empty<string>(),
        };
        routes.AddRange(family.Where(r => !routes.Contains(r)));
        return routes;
    }

    private static string Hint(IReadOnlyList<FoundryModelInfo> catalog, string id)
        => FoundryModelLookup.Suggest(catalog, id) is { Count: > 0 } s ? $" (did you mean '{s[0]}'?)" : string.Empty;
}
