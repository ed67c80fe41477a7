using System;
using System.Linq;
using Foundry.Generated;
using Foundry.Generated.Catalog.Routes;
using Foundry.Generated.Runtime;

namespace Foundry.Generated.Cli.Chat;

/// <summary>Turns <c>--model</c>/<c>--route</c> into a catalogued model and a route that works for it, or a clear error.</summary>
internal static class RouteChoice
{
    // The routes chat can stream from, with the names --route takes (the route table's short names).
    private static readonly (string Name, string Route)[] Names = ProxyRoutes.All
        .Where(r => r.Dialect != RouteStreamDialect.None)
        .Select(r => (r.ShortName, r.Id))
        .ToArray();

    /// <summary>The model named (or, without one, <see cref="ChatOptions.DefaultModel"/>, and with only a route that the
    /// default does not work on, the route's <see cref="PreferredModel"/>) and the route named or the model's preferred one.</summary>
    public static (FoundryModelInfo Model, string Route) Resolve(string? modelText, string? routeName)
    {
        if (modelText is null && routeName is not null)
        {
            var named = RouteOf(routeName);
            var fallback = FoundryModels.TryFind(ChatOptions.DefaultModel, out var standard) && standard.SupportsRoute(named) ? standard : PreferredModel.For(named, FoundryModels.All);
            return (fallback ?? throw new ArgumentException($"No catalogued model works on the {routeName} route; name one with --model."), named);
        }

        modelText ??= ChatOptions.DefaultModel;
        if (!FoundryModels.TryFind(modelText, out var model))
        {
            var suggestions = FoundryModels.Suggest(modelText);
            var hint = suggestions.Count > 0 ? $" Did you mean {string.Join(" or ", suggestions.Select(s => "'" + s + "'"))}?" : string.Empty;
            throw new ArgumentException($"'{modelText}' is not in the model catalog.{hint} Run 'models' to list them.");
        }

        if (routeName is null)
        {
            return (model, model.PreferredRoute);
        }

        var route = RouteOf(routeName);
        if (!model.SupportsRoute(route))
        {
            var works = string.Join(", ", model.Routes.Select(r => Names.FirstOrDefault(n => n.Route == r).Name ?? r));
            throw new ArgumentException($"{model.Id} does not work on the {routeName} route; it works on: {works}.");
        }

        return (model, route);
    }

    private static string RouteOf(string routeName)
        => FromShortName(routeName) ?? throw new ArgumentException($"Unknown route '{routeName}'; use one of: {string.Join(", ", Names.Select(n => n.Name))}.");

    /// <summary>The names <c>--route</c> takes (offered as completions).</summary>
    public static string[] ShortNames => Names.Select(n => n.Name).ToArray();

    public static string ShortName(string route) => Names.FirstOrDefault(n => n.Route == route).Name ?? route;

    /// <summary>The route id of a short name (<c>chat</c>, <c>xai</c>, ...), or null.</summary>
    public static string? FromShortName(string name) => Names.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)).Route;
}
