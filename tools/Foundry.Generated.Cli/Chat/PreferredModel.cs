using System.Collections.Generic;
using System.Linq;

namespace Foundry.Generated.Cli.Chat;

/// <summary>
/// The model to use on a route when the user names only the route, read from the catalog rather than kept by hand: the
/// first generally available model, in catalog order, whose preferred route it is; failing that, the first available
/// model that works there at all.
/// </summary>
internal static class PreferredModel
{
    public static FoundryModelInfo? For(string route, IReadOnlyList<FoundryModelInfo> catalog)
        => catalog.FirstOrDefault(m => m.PreferredRoute == route && m.SupportsRoute(route) && m.Lifecycle == FoundryModelLifecycle.Ga)
            ?? catalog.FirstOrDefault(m => m.SupportsRoute(route) && m.Lifecycle == FoundryModelLifecycle.Ga)
            ?? catalog.FirstOrDefault(m => m.SupportsRoute(route) && m.Lifecycle is FoundryModelLifecycle.Ga or FoundryModelLifecycle.Experimental);
}
