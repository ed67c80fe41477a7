using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Foundry.Generated.Spec.Sync;

/// <summary>An upstream operation found for a proxy operation.</summary>
internal sealed class UpstreamOperation
{
    public UpstreamOperation(string path, string method, JsonObject pathItem, JsonObject operation)
    {
        Path = path;
        Method = method;
        PathItem = pathItem;
        Operation = operation;
    }

    /// <summary>The upstream path key as written (e.g. <c>/models/{modelId}:generateContent</c>).</summary>
    public string Path { get; }

    public string Method { get; }

    public JsonObject PathItem { get; }

    public JsonObject Operation { get; }

    public string Display => Method.ToUpperInvariant() + " " + Path;

    /// <summary>Stands in for an operation upstream does not document (see <see cref="ProxyOperation.StreamFallbackPath"/>).</summary>
    public bool IsFallback { get; private set; }

    public UpstreamOperation AsFallback() => new UpstreamOperation(Path, Method, PathItem, Operation) { IsFallback = true };
}

/// <summary>
/// Finds an upstream operation by HTTP method and path shape, so cosmetic upstream changes do not break the sync:
/// path parameters are compared by position, not name (<c>{modelsId}</c> = <c>{modelId}</c> = <c>{model}</c>), a
/// trailing slash does not count, and neither does a leading version segment (<c>/v1beta/models/...</c> =
/// <c>/models/...</c>); operationIds are never looked at. An exact path wins; paths with a query string
/// (<c>/v1/messages?beta=true</c>) are other operations. No match, or two, is an error at the <c>paths</c> object
/// listing the closest candidates.
/// </summary>
internal static class OperationMatcher
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace", "query" };
    private static readonly Regex Parameter = new Regex(@"\{[^{}]*\}", RegexOptions.CultureInvariant);
    private static readonly Regex Version = new Regex(@"^/v[0-9]+[a-z]*[0-9]*(?=/)", RegexOptions.CultureInvariant);

    public static UpstreamOperation? TryFind(UpstreamSpec spec, string method, string wanted)
    {
        var all = Operations(spec).Where(o => o.Method == method && !HasQuery(o.Path)).ToList();
        var exact = all.FirstOrDefault(o => o.Path == wanted);
        if (exact != null)
        {
            return exact;
        }

        foreach (var shape in new Func<string, string>[] { Shape, p => WithoutVersion(Shape(p)) })
        {
            var target = shape(wanted);
            var matches = all.Where(o => shape(o.Path) == target).ToList();
            if (matches.Count == 1)
            {
                return matches[0];
            }

            if (matches.Count > 1)
            {
                throw spec.Error(spec.Document["paths"], $"{method.ToUpperInvariant()} {wanted} matches several upstream operations: {string.Join(", ", matches.Select(m => Describe(spec, m)))}");
            }
        }

        return null;
    }

    public static UpstreamOperation Find(UpstreamSpec spec, string method, string wanted, string neededFor)
        => TryFind(spec, method, wanted) ?? throw NotFound(spec, method, wanted, neededFor);

    public static SpecSyncException NotFound(UpstreamSpec spec, string method, string wanted, string neededFor)
    {
        var target = WithoutVersion(Shape(wanted));
        var closest = Operations(spec)
            .OrderBy(o => global::Foundry.Generated.Catalog.ModelIds.ModelIdSuggester.Levenshtein(WithoutVersion(Shape(o.Path)), target) + (o.Method == method ? 0 : 2) + (HasQuery(o.Path) ? 1 : 0))
            .ThenBy(o => o.Path, StringComparer.Ordinal)
            .ThenBy(o => o.Method, StringComparer.Ordinal)
            .Take(3)
            .Select(o => Describe(spec, o))
            .ToList();
        var candidates = closest.Count == 0 ? "the document has no operations" : "closest upstream operations: " + string.Join(", ", closest);
        return spec.Error(
            spec.Document["paths"],
            $"missing operation {method.ToUpperInvariant()} {wanted} (needed for {neededFor}; matched by method and path shape: parameters by position, trailing slash and version prefix ignored); {candidates}");
    }

    /// <summary>The path without its query, trailing slash and parameter names: <c>/models/{}:generateContent</c>.</summary>
    internal static string Shape(string path)
    {
        var query = path.IndexOf('?');
        var shape = query >= 0 ? path.Substring(0, query) : path;
        if (shape.Length > 1 && shape.EndsWith("/", StringComparison.Ordinal))
        {
            shape = shape.TrimEnd('/');
        }

        return Parameter.Replace(shape, "{}");
    }

    internal static string WithoutVersion(string shape) => Version.Replace(shape, string.Empty);

    private static bool HasQuery(string path) => path.IndexOf('?') >= 0;

    private static IEnumerable<UpstreamOperation> Operations(UpstreamSpec spec)
    {
        if (spec.Document["paths"] is not JsonObject paths)
        {
            yield break;
        }

        foreach (var pair in paths)
        {
            if (pair.Value is not JsonObject item)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (item[method] is JsonObject operation)
                {
                    yield return new UpstreamOperation(pair.Key, method, item, operation);
                }
            }
        }
    }

    private static string Describe(UpstreamSpec spec, UpstreamOperation operation)
    {
        var position = spec.Positions.Find(operation.Operation);
        var text = new StringBuilder(operation.Display);
        if (position != null)
        {
            text.Append(" (line ").Append(position.Value.Line).Append(')');
        }

        return text.ToString();
    }
}
