using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Sync;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Foundry.Generated.SpecSync;

/// <summary>
/// Microsoft.OpenApi as a validator only: it reads the already-parsed tree and its diagnostics are printed as
/// warnings at the line they point to. The sync itself never uses its object model (whose writers are lossy).
/// </summary>
internal static class OpenApiValidation
{
    private const int MaxPrinted = 20;

    /// <summary>Prints the reader's errors and warnings as warnings; returns how many there were.</summary>
    public static int Report(UpstreamSpec spec, TextWriter log)
    {
        ReadResult result;
        try
        {
            result = OpenApiDocument.Parse(spec.Document.ToJsonString(), OpenApiConstants.Json, new OpenApiReaderSettings());
        }
        catch (Exception e)
        {
            log.WriteLine($"warning: {spec.SourceName}: Microsoft.OpenApi could not read the document ({e.GetType().Name}: {e.Message})");
            return 1;
        }

        var problems = (result.Diagnostic?.Errors ?? Array.Empty<OpenApiError>()).Concat(result.Diagnostic?.Warnings ?? Array.Empty<OpenApiError>()).ToList();
        foreach (var problem in problems.Take(MaxPrinted))
        {
            log.WriteLine($"warning: {spec.Where(Resolve(spec.Document, PointerOf(problem)))}: {problem.Message} (Microsoft.OpenApi)");
        }

        if (problems.Count > MaxPrinted)
        {
            log.WriteLine($"warning: {spec.SourceName}: {problems.Count - MaxPrinted} more Microsoft.OpenApi diagnostics not shown");
        }

        return problems.Count;
    }

    // Some diagnostics carry no pointer but end their message with "at #/components/...".
    private static string? PointerOf(OpenApiError problem)
    {
        if (!string.IsNullOrEmpty(problem.Pointer) && problem.Pointer != "#" && problem.Pointer != "#/")
        {
            return problem.Pointer;
        }

        var at = problem.Message?.LastIndexOf(" at #/", StringComparison.Ordinal) ?? -1;
        return at >= 0 ? problem.Message!.Substring(at + 4).Trim() : problem.Pointer;
    }

    /// <summary>The deepest node a JSON pointer (<c>#/a/b~1c/0</c>) reaches.</summary>
    internal static JsonNode Resolve(JsonNode root, string? pointer)
    {
        var node = root;
        if (string.IsNullOrEmpty(pointer))
        {
            return node;
        }

        foreach (var raw in pointer!.TrimStart('#').Split('/').Skip(1))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            JsonNode? next = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray array when int.TryParse(segment, out var i) && i >= 0 && i < array.Count => array[i],
                _ => null,
            };
            if (next == null)
            {
                break;
            }

            node = next;
        }

        return node;
    }
}
