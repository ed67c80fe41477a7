using System;
using System.Linq;
using Foundry.Generated.Catalog.Routes;

namespace Foundry.Generated.Testing;

/// <summary>The proxy's route ids, to check a route a test scripts for. The public names are the runtime's
/// <c>Foundry.Generated.Runtime.FoundryRoutes</c>: this package has no type of its own by that name, so a test that
/// imports both namespaces has one <c>FoundryRoutes</c>.</summary>
internal static class RouteIds
{
    public static readonly string[] Ids = ProxyRoutes.All.Select(r => r.Id).ToArray();

    public static void Check(string? route)
    {
        if (route is not null && Array.IndexOf(Ids, route) < 0)
        {
            throw new ArgumentException($"'{route}' is not a proxy route; the routes are {string.Join(", ", Ids)} (FoundryRoutes has them).", nameof(route));
        }
    }
}
