using Foundry.Generated.Catalog.Routes;

namespace Foundry.Generated.Generator.Model;

/// <summary>C# names that belong to each route id (the route table, <see cref="ProxyRoutes"/>).</summary>
internal static class RouteNames
{
    /// <summary>The per-route model struct, e.g. <c>ResponsesModel</c>; null for an unknown route.</summary>
    public static string? ModelTypeName(string route) => ProxyRoutes.Find(route)?.ModelTypeName;

    public static bool IsKnown(string route) => ModelTypeName(route) != null;
}
