using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Generated.Catalog;
using Foundry.Generated.Catalog.ModelIds;
using Foundry.Generated.Catalog.Routes;
using Xunit;

namespace Foundry.Generated.Catalog.Tests;

/// <summary>
/// The route table (<see cref="ProxyRoutes"/>) is the one list of routes in code; the two checked-in files that also
/// name routes — the model catalog and the proxy spec — say the same, so an edit to one without the other fails here.
/// </summary>
public sealed class RouteTableTests
{
    [Fact]
    public void The_catalogs_routes_are_the_tables_routes_with_the_same_provider_and_path()
    {
        var catalog = CatalogReader.Read(RepoFiles.Read("spec/model-catalog.json")).Catalog!;

        Assert.Equal(
            ProxyRoutes.All.Select(r => (r.Id, r.Provider, r.Path)).OrderBy(r => r.Id),
            catalog.Routes.Select(r => (r.Id, r.Provider, r.PathTemplate)).OrderBy(r => r.Id));
    }

    [Fact]
    public void Every_path_of_the_spec_is_a_tables_path_of_the_route_it_names()
    {
        var paths = JsonNode.Parse(RepoFiles.Read("spec/foundry-llm-proxy.openapi.json"))!["paths"]!.AsObject();
        var seen = paths.Select(p => (Path: p.Key, Route: (string)p.Value!["post"]!["x-foundry-route"]!)).ToList();

        var expected = ProxyRoutes.All
            .SelectMany(r => new[] { r.Path, r.StreamPath }.Where(p => p != null).Select(p => (Path: ProxyRoutes.ProxyRoot + p, Route: r.Id)))
            .OrderBy(p => p.Path);
        Assert.Equal(expected, seen.OrderBy(p => p.Path));
    }

    [Fact]
    public void Short_names_and_ids_are_unique_and_model_id_rules_know_every_route()
    {
        Assert.Equal(ProxyRoutes.All.Count, ProxyRoutes.All.Select(r => r.Id).Distinct().Count());
        Assert.Equal(ProxyRoutes.All.Count, ProxyRoutes.All.Select(r => r.ShortName).Distinct().Count());
        Assert.All(ProxyRoutes.All, r => Assert.True(ModelIdRules.IsKnownRoute(r.Id)));
        Assert.Same(ProxyRoutes.All.Single(r => r.ShortName == "gemini"), ProxyRoutes.FindByShortName("GEMINI"));
    }
}
