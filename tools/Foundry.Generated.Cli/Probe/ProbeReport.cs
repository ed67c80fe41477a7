using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Foundry.Generated.Cli.Probe;

/// <summary>The results as a model × route table, or as JSON for machines.</summary>
internal static class ProbeReport
{
    public static void WriteTable(TextWriter output, IReadOnlyList<ProbeResult> results)
    {
        var routes = ProbePlan.AllRoutes.Where(r => results.Any(x => x.Route == r)).ToList();
        var models = results.Select(r => r.Model).Distinct().ToList();
        var cells = results.ToDictionary(r => (r.Model, r.Route), r => r.Cell);
        var modelWidth = Math.Max("MODEL".Length, models.Select(m => m.Length).DefaultIfEmpty(0).Max());
        var widths = routes.Select(r => Math.Max(r.Length, results.Where(x => x.Route == r).Select(x => x.Cell.Length).DefaultIfEmpty(0).Max())).ToList();
        output.WriteLine(string.Join("  ", routes.Select((r, i) => r.PadRight(widths[i])).Prepend("MODEL".PadRight(modelWidth))).TrimEnd());
        foreach (var model in models)
        {
            var row = routes.Select((r, i) => (cells.TryGetValue((model, r), out var c) ? c : "·").PadRight(widths[i]));
            output.WriteLine(string.Join("  ", row.Prepend(model.PadRight(modelWidth))).TrimEnd());
        }

        var counts = results.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{Count(counts, ProbeOutcome.Ok)} ok, {Count(counts, ProbeOutcome.Failed)} failed, {Count(counts, ProbeOutcome.Inconclusive)} inconclusive, {Count(counts, ProbeOutcome.NotRun)} not run");
    }

    public static void WriteJson(TextWriter output, string host, IReadOnlyList<ProbeResult> results)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("host", host);
            json.WriteStartArray("results");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("model", r.Model);
                json.WriteString("route", r.Route);
                json.WriteString("outcome", r.Outcome.ToString().ToLowerInvariant());
                WriteNullable(json, "status", r.Status);
                json.WriteString("errorName", r.ErrorName);
                json.WriteString("errorCode", r.ErrorCode);
                WriteNullable(json, "firstEventMs", r.FirstEvent is { } t ? (int)Math.Round(t.TotalMilliseconds) : null);
                json.WriteBoolean("reachedTerminal", r.ReachedTerminal);
                json.WriteString("requestId", r.RequestId);
                json.WriteString("message", r.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static int Count(Dictionary<ProbeOutcome, int> counts, ProbeOutcome outcome) => counts.TryGetValue(outcome, out var n) ? n : 0;
}
