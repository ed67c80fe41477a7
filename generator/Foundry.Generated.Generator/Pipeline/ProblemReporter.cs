using System.Linq;
using Foundry.Generated.Catalog;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Generator.Diagnostics;
using Foundry.Generated.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Foundry.Generated.Generator.Pipeline;

/// <summary>Turns value problems into Roslyn diagnostics located in the AdditionalFile.</summary>
internal static class ProblemReporter
{
    public static Diagnostic ToDiagnostic(GeneratorProblem problem)
    {
        var descriptor = FoundryDiagnostics.ById(problem.DescriptorId);
        var start = new LinePosition(System.Math.Max(0, problem.Position.Line - 1), System.Math.Max(0, problem.Position.Column - 1));
        var end = new LinePosition(start.Line, start.Character + System.Math.Max(1, problem.Position.Length));
        var location = Location.Create(problem.FilePath, new TextSpan(problem.Position.Offset, System.Math.Max(1, problem.Position.Length)), new LinePositionSpan(start, end));
        return Diagnostic.Create(descriptor, location, problem.MessageArgs.Cast<object>().ToArray());
    }

    public static EquatableArray<GeneratorProblem> FromCatalog(string path, EquatableArray<CatalogProblem> problems)
        => problems.Select(p => new GeneratorProblem(IdOf(p.Kind), path, p.Position, Args(p, path))).ToEquatableArray();

    private static string IdOf(CatalogProblemKind kind) => kind switch
    {
        CatalogProblemKind.InvalidJson => DiagnosticIds.CatalogInvalidJson,
        CatalogProblemKind.DuplicateModel => DiagnosticIds.CatalogDuplicateModel,
        CatalogProblemKind.UnknownRoute => DiagnosticIds.CatalogUnknownRoute,
        CatalogProblemKind.MalformedRid => DiagnosticIds.CatalogMalformedRid,
        _ => DiagnosticIds.CatalogInvalidEntry,
    };

    // FDRY202–204 messages take their own arguments; the others take (file, message).
    private static EquatableArray<string> Args(CatalogProblem problem, string path) => problem.Kind switch
    {
        CatalogProblemKind.InvalidJson or CatalogProblemKind.InvalidEntry => new[] { path, problem.Message }.ToEquatableArray(),
        _ => new[] { problem.Message }.ToEquatableArray(),
    };
}
