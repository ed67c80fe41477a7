using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foundry.Generated.Catalog;

namespace Foundry.Generated.Cli.Probe;

/// <summary>
/// <c>--write</c>: records what the probe measured in the catalog's own schema (a <c>probe</c> object on the route
/// entry: result, date, host, status, error name), touching only the probed entries and keeping the file's format.
/// A route that answered moves to (or stays in) <c>routes</c> as verified; one that failed with an HTTP error for a
/// model the enrollment has moves to <c>unsupportedRoutes</c> with its status. A missing model (404), a denial (403)
/// or a failed stream only annotates the entry it is about: they say nothing about the route. A result that would
/// break the catalog (a model's last route) is annotated instead of moved; the written text must read back clean.
/// </summary>
internal static class CatalogEvidence
{
    private static readonly JsonSerializerOptions Format = new() { WriteIndented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static (string Text, IReadOnlyList<string> Changes) Apply(string catalogText, string path, IReadOnlyList<ProbeResult> results, string host, string date)
    {
        var root = JsonNode.Parse(catalogText)?.AsObject() ?? throw new InvalidDataException($"{path} is not a JSON object.");
        var models = root["models"]?.AsArray() ?? throw new InvalidDataException($"{path} has no models.");
        var changes = new List<string>();
        foreach (var result in results.Where(r => r.Outcome is ProbeOutcome.Ok or ProbeOutcome.Failed))
        {
            var model = models.OfType<JsonObject>().FirstOrDefault(m => (string?)m["id"] == result.Model);
            if (model is null)
            {
                changes.Add($"{result.Model}: not in {path}, not written");
                continue;
            }

            changes.Add(Record(model, result, host, date));
        }

        var text = Serialize(root);
        var check = CatalogReader.Read(text);
        if (check.Problems.Count > 0)
        {
            throw new InvalidDataException($"Refusing to write {path}: the result would not be a valid catalog: " + string.Join("; ", check.Problems.Select(p => p.Message)));
        }

        return (text, changes);
    }

    /// <summary>The catalog's own format: two-space indentation, unescaped non-ASCII, a final newline.</summary>
    public static string Serialize(JsonNode root) => root.ToJsonString(Format) + "\n";

    private static string Record(JsonObject model, ProbeResult result, string host, string date)
    {
        var source = $"foundry-llm probe of {host} on {date}";
        var probe = new JsonObject
        {
            ["result"] = result.Outcome == ProbeOutcome.Ok ? "ok" : "failed",
            ["date"] = date,
            ["host"] = host,
        };
        if (result.Status is { } status)
        {
            probe["status"] = status;
        }

        if (result.Outcome == ProbeOutcome.Failed)
        {
            probe["errorName"] = result.ErrorName;
        }

        var routes = model["routes"]!.AsArray();
        var rejections = model["unsupportedRoutes"] as JsonArray;
        var supported = Find(routes, result.Route);
        var rejected = rejections is null ? null : Find(rejections, result.Route);
        var label = $"{model["id"]} on {result.Route}";

        if (result.Outcome == ProbeOutcome.Ok)
        {
            if (rejected != null)
            {
                rejections!.Remove(rejected);
                if (rejections.Count == 0)
                {
                    model.Remove("unsupportedRoutes");
                }
            }

            Upsert(routes, supported, result.Route, null, source, probe);
            return $"{label}: verified working" + (rejected != null ? " (was listed as failing)" : supported == null ? " (new route)" : string.Empty);
        }

        // Only an HTTP error about this model on this route moves the route; anything else annotates the entry.
        var routeVerdict = result.Status is >= 400 and < 600 and not 403 and not 404;
        if (!routeVerdict || (supported != null && routes.Count == 1))
        {
            var entry = supported ?? rejected;
            if (entry is null)
            {
                return $"{label}: failed ({result.Status} {result.ErrorName}); not in the catalog, nothing written";
            }

            entry["probe"] = probe;
            return $"{label}: failed ({result.Status} {result.ErrorName}); recorded on the entry" + (routeVerdict ? " (its last route: kept)" : string.Empty);
        }

        if (supported != null)
        {
            routes.Remove(supported);
            if ((string?)model["preferredRoute"] == result.Route)
            {
                model["preferredRoute"] = (string?)routes[0]!["route"];
            }
        }

        if (rejections is null)
        {
            rejections = new JsonArray();
            InsertAfter(model, "routes", "unsupportedRoutes", rejections);
        }

        Upsert(rejections, rejected, result.Route, result.Status, source, probe);
        return $"{label}: verified failing (HTTP {result.Status} {result.ErrorName})" + (supported != null ? " (was listed as working)" : string.Empty);
    }

    private static JsonObject? Find(JsonArray entries, string route) => entries.OfType<JsonObject>().FirstOrDefault(e => (string?)e["route"] == route);

    private static void Upsert(JsonArray entries, JsonObject? existing, string route, int? status, string source, JsonObject probe)
    {
        var entry = new JsonObject { ["route"] = route };
        if (status is { } s)
        {
            entry["status"] = s;
        }

        entry["evidence"] = "verified";
        entry["source"] = source;
        entry["probe"] = probe;
        if (existing is null)
        {
            entries.Add(entry);
        }
        else
        {
            entries[entries.IndexOf(existing)] = entry;
        }
    }

    /// <summary>Adds a property right after another, so a new array lands where the schema's order puts it.</summary>
    private static void InsertAfter(JsonObject target, string after, string name, JsonNode value)
    {
        var pairs = target.ToList();
        foreach (var pair in pairs)
        {
            target.Remove(pair.Key);
        }

        foreach (var pair in pairs)
        {
            target[pair.Key] = pair.Value;
            if (pair.Key == after)
            {
                target[name] = value;
            }
        }
    }
}
