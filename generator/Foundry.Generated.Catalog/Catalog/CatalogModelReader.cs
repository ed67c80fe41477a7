using System.Collections.Generic;
using System.Text.Json;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Catalog.ModelIds;

namespace Foundry.Generated.Catalog;

/// <summary>Reads one entry of <c>models</c>.</summary>
internal static class CatalogModelReader
{
    private static readonly string[] Lifecycles = { "ga", "experimental", "deprecated", "sunset" };
    private static readonly string[] Evidence = { "verified", "reported", "catalog-only" };

    public static CatalogModel? Read(JsonElement item, string pointer, ReadContext context)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            context.Report(CatalogProblemKind.InvalidEntry, "a model must be a JSON object", pointer);
            return null;
        }

        var id = context.RequiredString(item, "id", pointer);
        var rid = context.RequiredString(item, "rid", pointer);
        if (id != null && rid != null && !ModelIdRules.IsWellFormedRid(rid))
        {
            context.Report(CatalogProblemKind.MalformedRid, $"model '{id}' has RID '{rid}', which is not a well-formed language model RID", pointer + "/rid");
        }

        var lifecycle = context.RequiredString(item, "lifecycle", pointer) ?? "ga";
        if (System.Array.IndexOf(Lifecycles, lifecycle) < 0)
        {
            context.Report(CatalogProblemKind.InvalidEntry, $"lifecycle '{lifecycle}' must be one of ga, experimental, deprecated, sunset", pointer + "/lifecycle");
        }

        var preferred = context.RequiredString(item, "preferredRoute", pointer) ?? string.Empty;
        var routes = ReadRoutes(item, pointer, context);
        if (preferred.Length > 0 && !routes.Exists(r => r.Route == preferred))
        {
            context.Report(CatalogProblemKind.InvalidEntry, $"preferredRoute '{preferred}' of model '{id}' is not one of its routes", pointer + "/preferredRoute");
        }

        var capabilities = ReadCapabilities(item, pointer, context);
        var csharpName = context.OptionalString(item, "csharpName") ?? ModelIdRules.ToCSharpName(id ?? "Model");
        if (id == null || rid == null)
        {
            return null;
        }

        return new CatalogModel(
            id,
            rid,
            context.RequiredString(item, "displayName", pointer) ?? id,
            context.RequiredString(item, "provider", pointer) ?? string.Empty,
            lifecycle,
            context.OptionalString(item, "lifecycleDate"),
            preferred,
            ReadStrings(item, "aliases"),
            routes.ToEquatableArray(),
            ReadRejections(item, pointer, context),
            capabilities,
            csharpName)
        {
            Successor = context.OptionalString(item, "successor"),
        };
    }

    private static List<RouteSupport> ReadRoutes(JsonElement item, string pointer, ReadContext context)
    {
        var list = new List<RouteSupport>();
        if (context.RequiredArray(item, "routes", pointer) is { } array)
        {
            ReadRouteEntries(array, pointer + "/routes/", "catalog-only", context, (entry, route, evidence, source) => list.Add(new RouteSupport(route, evidence, source, ReadProbe(entry, context))));
        }

        return list;
    }

    private static EquatableArray<RouteRejection> ReadRejections(JsonElement item, string pointer, ReadContext context)
    {
        var list = new List<RouteRejection>();
        if (item.TryGetProperty("unsupportedRoutes", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            ReadRouteEntries(array, pointer + "/unsupportedRoutes/", "reported", context, (entry, route, evidence, source) => list.Add(new RouteRejection(route, context.OptionalInt(entry, "status") ?? 0, evidence, source, ReadProbe(entry, context))));
        }

        return list.ToEquatableArray();
    }

    /// <summary>A probe's record on a route entry (<c>foundry-llm probe --write</c>), or null.</summary>
    private static ProbeEvidence? ReadProbe(JsonElement entry, ReadContext context)
    {
        if (!entry.TryGetProperty("probe", out var probe) || probe.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new ProbeEvidence(
            context.OptionalString(probe, "result") ?? string.Empty,
            context.OptionalString(probe, "date") ?? string.Empty,
            context.OptionalString(probe, "host") ?? string.Empty,
            context.OptionalInt(probe, "status"),
            context.OptionalString(probe, "errorName"));
    }

    /// <summary>The fields every route entry has (route, evidence, source), checked and located.</summary>
    private static void ReadRouteEntries(JsonElement array, string pointerPrefix, string defaultEvidence, ReadContext context, System.Action<JsonElement, string, string, string> add)
    {
        var i = 0;
        foreach (var entry in array.EnumerateArray())
        {
            var p = pointerPrefix + i++;
            var route = context.RequiredString(entry, "route", p) ?? string.Empty;
            CheckRoute(route, p, context);
            var evidence = context.RequiredString(entry, "evidence", p) ?? defaultEvidence;
            CheckEvidence(evidence, p, context);
            add(entry, route, evidence, context.OptionalString(entry, "source") ?? string.Empty);
        }
    }

    private static ModelCapabilities ReadCapabilities(JsonElement item, string pointer, ReadContext context)
    {
        if (!item.TryGetProperty("capabilities", out var caps) || caps.ValueKind != JsonValueKind.Object)
        {
            context.Report(CatalogProblemKind.InvalidEntry, "'capabilities' must be an object", pointer);
            return new ModelCapabilities(false, true, false, false, false, null, null);
        }

        return new ModelCapabilities(
            context.OptionalBool(caps, "reasoning") ?? false,
            context.OptionalBool(caps, "temperature") ?? true,
            context.OptionalBool(caps, "tools") ?? false,
            context.OptionalBool(caps, "vision") ?? false,
            context.OptionalBool(caps, "structuredOutput") ?? false,
            context.OptionalString(caps, "maxTokensParameter"),
            context.OptionalInt(caps, "embeddingDimensions"));
    }

    private static EquatableArray<string> ReadStrings(JsonElement item, string name)
    {
        var list = new List<string>();
        if (item.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in array.EnumerateArray())
            {
                if (s.ValueKind == JsonValueKind.String)
                {
                    list.Add(s.GetString()!);
                }
            }
        }

        return list.ToEquatableArray();
    }

    private static void CheckRoute(string route, string pointer, ReadContext context)
    {
        if (route.Length > 0 && !ModelIdRules.IsKnownRoute(route))
        {
            context.Report(CatalogProblemKind.UnknownRoute, $"route '{route}' is not a Foundry proxy route", pointer + "/route");
        }
    }

    private static void CheckEvidence(string evidence, string pointer, ReadContext context)
    {
        if (System.Array.IndexOf(Evidence, evidence) < 0)
        {
            context.Report(CatalogProblemKind.InvalidEntry, $"evidence '{evidence}' must be one of verified, reported, catalog-only", pointer + "/evidence");
        }
    }
}
