using System;
using Foundry.Generated.Catalog.Collections;

namespace Foundry.Generated.Catalog;

/// <summary>The model catalog as values (it flows through the incremental generator pipeline).</summary>
public sealed record ModelCatalog(string CatalogVersion, EquatableArray<CatalogRoute> Routes, EquatableArray<CatalogModel> Models)
{
    /// <summary>Finds a model by friendly id or alias (case-insensitive) or by RID.</summary>
    public CatalogModel? Find(string? idOrRid)
    {
        if (string.IsNullOrWhiteSpace(idOrRid))
        {
            return null;
        }

        var text = idOrRid!.Trim();
        foreach (var model in Models)
        {
            if (model.Matches(text))
            {
                return model;
            }
        }

        return null;
    }

    /// <summary>
    /// This catalog laid over <paramref name="under"/> (a user's catalog over the one the precompiled clients were
    /// compiled with): every model of both, and where both have a model with the same id (case-insensitive), this
    /// catalog's entry replaces the other's (the models of <paramref name="under"/> that this one does not override
    /// come first, in their order); routes likewise. The version is this catalog's.
    /// </summary>
    public ModelCatalog Over(ModelCatalog under)
    {
        var ids = new System.Collections.Generic.HashSet<string>(System.Linq.Enumerable.Select(Models, m => m.Id), StringComparer.OrdinalIgnoreCase);
        var routeIds = new System.Collections.Generic.HashSet<string>(System.Linq.Enumerable.Select(Routes, r => r.Id), StringComparer.Ordinal);
        var models = System.Linq.Enumerable.Concat(System.Linq.Enumerable.Where(under.Models, m => !ids.Contains(m.Id)), Models);
        var routes = System.Linq.Enumerable.Concat(System.Linq.Enumerable.Where(under.Routes, r => !routeIds.Contains(r.Id)), Routes);
        return new ModelCatalog(CatalogVersion, routes.ToEquatableArray(), models.ToEquatableArray());
    }

    /// <summary>Nearest catalogued ids for a string that matched nothing, best first.</summary>
    public EquatableArray<string> Suggest(string text, int max = 3)
        => ModelIds.ModelIdSuggester.Suggest(text, System.Linq.Enumerable.Select(Models, m => (m.Id, ModelIds.ModelIdSuggester.Names(m.Id, m.Rid, m.Aliases))), max);
}

public sealed record CatalogRoute(string Id, string Provider, string DisplayName, bool AcceptsFriendlyIds, string PathTemplate);

public sealed record CatalogModel(
    string Id,
    string Rid,
    string DisplayName,
    string Provider,
    string Lifecycle,
    string? LifecycleDate,
    string PreferredRoute,
    EquatableArray<string> Aliases,
    EquatableArray<RouteSupport> Routes,
    EquatableArray<RouteRejection> UnsupportedRoutes,
    ModelCapabilities Capabilities,
    string CSharpName)
{
    /// <summary>
    /// The catalogued id of the model that replaces this one, where a cited source names one (optional; the reader
    /// reports an id that is not in the catalog). The FDRY003 code fix offers it.
    /// </summary>
    public string? Successor { get; init; }

    public bool SupportsRoute(string route)
    {
        foreach (var r in Routes)
        {
            if (r.Route == route)
            {
                return true;
            }
        }

        return false;
    }

    public RouteRejection? RejectionFor(string route)
    {
        foreach (var r in UnsupportedRoutes)
        {
            if (r.Route == route)
            {
                return r;
            }
        }

        return null;
    }

    public bool IsRetired => Lifecycle == "deprecated" || Lifecycle == "sunset";

    /// <summary>True when <paramref name="text"/> names this model (id or alias, case-insensitive, or RID).</summary>
    public bool Matches(string text) => ModelIds.ModelIdRules.Names(text, Id, Rid, Aliases);
}

public sealed record RouteSupport(string Route, string Evidence, string Source, ProbeEvidence? Probe = null);

public sealed record RouteRejection(string Route, int Status, string Evidence, string Source, ProbeEvidence? Probe = null);

/// <summary>What <c>foundry-llm probe --write</c> measured on one route of one enrollment.</summary>
public sealed record ProbeEvidence(string Result, string Date, string Host, int? Status, string? ErrorName)
{
    /// <summary>"verified failing on 2026-11-30 on host: HTTP 500 Default:Internal" (or "verified working …").</summary>
    public string Describe()
        => $"verified {(Result == "ok" ? "working" : "failing")} on {Date} on {Host}" + (Status is { } s && Result != "ok" ? $": HTTP {s}" + (ErrorName is null ? string.Empty : " " + ErrorName) : string.Empty);
}

public sealed record ModelCapabilities(
    bool Reasoning,
    bool Temperature,
    bool Tools,
    bool Vision,
    bool StructuredOutput,
    string? MaxTokensParameter,
    int? EmbeddingDimensions);
