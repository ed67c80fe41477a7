using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Foundry.Generated.Catalog;
using Foundry.Generated.Generator.Emit.Clients;
using Foundry.Generated.Generator.Emit.Integrations;
using Foundry.Generated.Generator.Emit.Models;
using Foundry.Generated.Generator.Emit.Types;
using Foundry.Generated.Generator.Model;
using Foundry.Generated.Generator.Pipeline;
using Microsoft.CodeAnalysis;

namespace Foundry.Generated.Generator;

/// <summary>
/// Reads the proxy spec and the model catalog from AdditionalFiles and emits records, unions, enums, model-id types
/// and typed clients. Every step works on values, so unrelated edits re-run nothing and a catalog edit re-emits
/// only the model files.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FoundryGenerator : IIncrementalGenerator
{
    public const string SpecFileName = "foundry-llm-proxy.openapi.json";
    public const string CatalogFileName = "model-catalog.json";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select((provider, _) => GeneratorOptions.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var files = context.AdditionalTextsProvider
            .Where(t => IsNamed(t.Path, SpecFileName) || IsNamed(t.Path, CatalogFileName))
            .Select((t, ct) => new InputFile(t.Path, t.GetText(ct)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.Files);

        var spec = files.Where(f => IsNamed(f.Path, SpecFileName)).Collect()
            .Combine(options)
            .Select((pair, ct) => pair.Left.IsEmpty ? null : SpecModelReader.Read(pair.Left[0], pair.Right.RootNamespace, ct))
            .WithTrackingName(TrackingNames.Spec);

        var catalog = files.Where(f => IsNamed(f.Path, CatalogFileName)).Collect()
            .Select((list, ct) => list.IsEmpty ? null : new CatalogInput(list[0].Path, CatalogReader.Read(list[0].Text, list[0].Path, ct)))
            .WithTrackingName(TrackingNames.Catalog);

        var types = spec
            .SelectMany((model, _) => model == null ? ImmutableArray<(Schemas.TypeModel, string)>.Empty : model.Types.Select(t => (t, model.RootNamespace)).ToImmutableArray())
            .WithTrackingName(TrackingNames.Types);
        context.RegisterSourceOutput(types, (spc, item) => SafeOutput.AddSource(spc, item.Item1.HintName, () => TypeEmitter.Emit(item.Item1, item.Item2)));

        var clients = spec
            .SelectMany((model, _) => model?.Clients == null ? ImmutableArray<(Operations.ClientModel, string)>.Empty : model.Clients.Clients.Select(c => (c, model.RootNamespace)).ToImmutableArray())
            .WithTrackingName(TrackingNames.Clients);
        context.RegisterSourceOutput(clients, (spc, item) => SafeOutput.AddSource(spc, ClientEmitter.HintName(item.Item1), () => ClientEmitter.Emit(item.Item1, item.Item2)));

        var clientRoot = spec.Select((model, _) => model?.Clients).WithTrackingName(TrackingNames.ClientRoot);
        context.RegisterSourceOutput(clientRoot, (spc, model) =>
        {
            if (model != null)
            {
                SafeOutput.AddSource(spc, ClientEmitter.RootHintName, () => ClientEmitter.EmitRoot(model));
            }
        });

        context.RegisterSourceOutput(options, (spc, o) =>
        {
            SafeOutput.AddSource(spc, JsonHelpersEmitter.HintName, () => JsonHelpersEmitter.Emit(o.RootNamespace));
            if (o.InvalidNamespace != null)
            {
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.FoundryDiagnostics.InvalidNamespace, Location.None, o.InvalidNamespace, o.RootNamespace));
            }
        });

        var models = catalog.Select((c, _) => c?.Result.Catalog).Combine(options)
            .Select((pair, _) => new CatalogModelInput(pair.Left, pair.Right.RootNamespace))
            .WithTrackingName(TrackingNames.Models);
        context.RegisterSourceOutput(models, (spc, input) =>
        {
            SafeOutput.AddSource(spc, ModelsEmitter.CatalogHintName, () => ModelsEmitter.EmitCatalog(input.Catalog, input.RootNamespace));
            foreach (var route in Foundry.Generated.Catalog.ModelIds.ModelIdRules.KnownRoutes)
            {
                SafeOutput.AddSource(spc, ModelsEmitter.RouteHintName(route), () => ModelsEmitter.EmitRoute(route, input.Catalog, input.RootNamespace));
            }
        });

        // Adapters for optional libraries the consumer references (e.g. Microsoft.Extensions.AI). The compilation step
        // yields a small value, so edits that do not change references re-run nothing downstream.
        var libraries = context.CompilationProvider.Select((c, _) => ReferencedLibraries.From(c)).WithTrackingName(TrackingNames.Libraries);
        var integrations = spec.Combine(libraries).Select((pair, _) => IntegrationEmitter.Plan(pair.Left, pair.Right)).WithTrackingName(TrackingNames.Integrations);
        context.RegisterSourceOutput(integrations, (spc, plan) =>
        {
            foreach (var template in plan.Emit)
            {
                SafeOutput.AddSource(spc, IntegrationEmitter.HintName(template), () => IntegrationEmitter.Emit(plan, template));
            }

            foreach (var skipped in plan.Skipped)
            {
                var parts = skipped.Split('|');
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.FoundryDiagnostics.IntegrationSkipped, Location.None, parts[0], parts[1]));
            }
        });

        // Diagnostics are a separate output so a problem-only change never re-emits source.
        var specProblems = spec.Select((model, _) => model?.Problems ?? default).WithTrackingName(TrackingNames.SpecProblems);
        context.RegisterSourceOutput(specProblems.Combine(files.Collect()), (spc, pair) =>
        {
            foreach (var problem in pair.Left)
            {
                spc.ReportDiagnostic(ProblemReporter.ToDiagnostic(problem));
            }

            if (!pair.Right.Any(f => IsNamed(f.Path, SpecFileName)))
            {
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.FoundryDiagnostics.NoSpecFile, Location.None, SpecFileName));
            }

            if (!pair.Right.Any(f => IsNamed(f.Path, CatalogFileName)))
            {
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.FoundryDiagnostics.NoCatalogFile, Location.None, CatalogFileName));
            }
        });

        var catalogProblems = catalog.Select((c, _) => c == null ? default : ProblemReporter.FromCatalog(c.Path, c.Result.Problems)).WithTrackingName(TrackingNames.CatalogProblems);
        context.RegisterSourceOutput(catalogProblems, (spc, problems) =>
        {
            foreach (var problem in problems)
            {
                spc.ReportDiagnostic(ProblemReporter.ToDiagnostic(problem));
            }
        });
    }

    private static bool IsNamed(string path, string fileName)
        => string.Equals(Path.GetFileName(path), fileName, System.StringComparison.OrdinalIgnoreCase);
}
