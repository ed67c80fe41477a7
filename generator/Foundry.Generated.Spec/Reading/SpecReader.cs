using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Foundry.Generated.Catalog.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Foundry.Generated.Spec.Reading;

/// <summary>
/// Reads OpenAPI JSON (the checked-in normalised spec, or any 3.x JSON document) with Microsoft.OpenApi and reports
/// every problem at its line and column. Bad input never throws: it comes back as problems.
/// </summary>
public static class SpecReader
{
    public static SpecReadResult Read(string json, string path, CancellationToken cancellationToken = default)
    {
        var text = json ?? string.Empty;
        var problems = new List<SpecProblem>();

        if (JsonLocator.FindSyntaxError(text) is { } syntax)
        {
            problems.Add(new SpecProblem(SpecProblemKind.InvalidJson, syntax.Message, string.Empty, syntax.Position, IsError: true));
            return new SpecReadResult(path, null, problems);
        }

        cancellationToken.ThrowIfCancellationRequested();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            // The syntax check passed, so this is a limit (depth, duplicate keys): still not usable JSON.
            problems.Add(new SpecProblem(SpecProblemKind.InvalidJson, e.Message, string.Empty, TextPosition.Start, IsError: true));
            return new SpecReadResult(path, null, problems);
        }

        if (root is not JsonObject)
        {
            problems.Add(new SpecProblem(SpecProblemKind.Unreadable, "an OpenAPI document is a JSON object", "#", TextPosition.Start, IsError: true));
            return new SpecReadResult(path, null, problems);
        }

        SpecStructureChecks.Run(text, root, problems, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var document = ReadOpenApi(text, problems);
        return new SpecReadResult(path, document, problems);
    }

    private static OpenApiDocument? ReadOpenApi(string text, List<SpecProblem> problems)
    {
        ReadResult result;
        try
        {
            result = OpenApiDocument.Parse(text, OpenApiConstants.Json, new OpenApiReaderSettings());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problems.Add(new SpecProblem(SpecProblemKind.Unreadable, "Microsoft.OpenApi could not read the document: " + e.Message, string.Empty, TextPosition.Start, IsError: true));
            return null;
        }

        var brokenPointers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            if (problem.Kind == SpecProblemKind.BrokenReference)
            {
                brokenPointers.Add(problem.Pointer);
            }
        }

        if (result.Diagnostic != null)
        {
            foreach (var error in result.Diagnostic.Errors)
            {
                AddReaderProblem(text, problems, error, SpecProblemKind.Unreadable, isError: true, brokenPointers);
            }

            foreach (var warning in result.Diagnostic.Warnings)
            {
                AddReaderProblem(text, problems, warning, SpecProblemKind.ReaderWarning, isError: false, brokenPointers);
            }
        }

        if (result.Document == null && !problems.Exists(p => p.IsError))
        {
            problems.Add(new SpecProblem(SpecProblemKind.Unreadable, "Microsoft.OpenApi returned no document", string.Empty, TextPosition.Start, IsError: true));
        }

        return result.Document;
    }

    private static void AddReaderProblem(string text, List<SpecProblem> problems, OpenApiError error, SpecProblemKind kind, bool isError, HashSet<string> brokenPointers)
    {
        var pointer = error.Pointer ?? string.Empty;
        if (pointer.Length > 0 && !pointer.StartsWith("#", StringComparison.Ordinal))
        {
            pointer = "#" + pointer;
        }

        // The reader also trips over references we already reported, at the same place: say it once.
        if (brokenPointers.Contains(pointer) || brokenPointers.Contains(pointer + "/$ref"))
        {
            return;
        }

        problems.Add(new SpecProblem(kind, error.Message, pointer, JsonLocator.Locate(text, pointer), isError));
    }
}
