using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Foundry.Generated.Catalog;
using Foundry.Generated.Generator.Emit;
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
    public const string SpecFileName = InputKinds.SpecFileName;
    public const string CatalogFileName = InputKinds.CatalogFileName;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select((provider, _) => GeneratorOptions.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, _) => (Text: pair.Left, Kind: InputKinds.Of(pair.Left, pair.Right)))
            .Where(f => f.Kind != null)
            .Select((f, ct) => new InputFile(f.Text.Path, f.Kind!, f.Text.GetText(ct)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.Files);

        var spec = files.Where(f => f.Kind == InputKinds.Spec).Collect()
            .Combine(options)
            .Select((pair, ct) => pair.Left.IsEmpty ? null : SpecModelReader.Read(pair.Left[0], pair.Right, ct))
            .WithTrackingName(TrackingNames.Spec);

        var catalog = files.Where(f => f.Kind == InputKinds.Catalog).Collect()
            .Select((list, ct) => list.IsEmpty ? null : new CatalogInput(list[0].Path, CatalogReader.Read(list[0].Text, ct)))
            .WithTrackingName(TrackingNames.Catalog);

        // FoundryGenerate=Integrations: the spec's types are compiled into a referenced assembly; only plan adapters.
        var emitted = spec.Combine(options).Select((pair, _) => pair.Right.Mode == GenerateMode.All ? pair.Left : null);

        var types = emitted
            .SelectMany((model, _) => model == null ? ImmutableArray<(Schemas.TypeModel, string, bool)>.Empty : model.Types.Select(t => (t, model.RootNamespace, model.Internal)).ToImmutableArray())
            .WithTrackingName(TrackingNames.Types);
        context.RegisterSourceOutput(types, (spc, item) => SafeOutput.AddSource(spc, item.Item1.HintName, () => TypeEmitter.Emit(item.Item1, item.Item2, TypeVisibility.Keyword(item.Item3))));

        var clients = emitted
            .SelectMany((model, _) => model?.Clients == null ? ImmutableArray<(Operations.ClientModel, string, bool)>.Empty : model.Clients.Clients.Select(c => (c, model.RootNamespace, model.Internal)).ToImmutableArray())
            .WithTrackingName(TrackingNames.Clients);
        context.RegisterSourceOutput(clients, (spc, item) => SafeOutput.AddSource(spc, ClientEmitter.HintName(item.Item1), () => ClientEmitter.Emit(item.Item1, item.Item2, TypeVisibility.Keyword(item.Item3))));

        var clientRoot = emitted.Select((model, _) => model?.Clients == null ? ((Operations.ClientsModel, bool)?)null : (model.Clients, model.Internal)).WithTrackingName(TrackingNames.ClientRoot);
        context.RegisterSourceOutput(clientRoot, (spc, root) =>
        {
            if (root is { } r)
            {
                SafeOutput.AddSource(spc, ClientEmitter.RootHintName, () => ClientEmitter.EmitRoot(r.Item1, TypeVisibility.Keyword(r.Item2)));
            }
        });

        context.RegisterSourceOutput(options, (spc, o) =>
        {
            foreach (var problem in o.Problems)
            {
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.FoundryDiagnostics.InvalidOption, Location.None, problem.Property, problem.Value, problem.Reason));
            }
        });

        // Model types from the catalog: all of them, unless a referenced assembly already compiles them (the default,
        // precompiled path), where only the catalog's extra models are emitted (AppModels). The compilation step
        // yields a small value, so edits of user code re-run nothing downstream.
        var precompiled = context.CompilationProvider.Combine(options)
            .Select((pair, _) => PrecompiledModels.From(pair.Left, pair.Right.RootNamespace))
            .WithTrackingName(TrackingNames.Precompiled);
        var models = catalog.Select((c, _) => c?.Result.Catalog).Combine(options).Combine(precompiled)
            .Select((pair, _) => new CatalogModelInput(pair.Left.Left, pair.Left.Right.RootNamespace, pair.Left.Right.Internal, pair.Left.Right.Mode, pair.Right))
            .WithTrackingName(TrackingNames.Models);
        context.RegisterSourceOutput(models, (spc, input) =>
        {
            if (input.Mode != GenerateMode.All)
            {
                return;
            }

            if (input.Precompiled.Any)
            {
                if (input.Catalog != null && ModelsEmitter.HasExtras(input.Catalog, input.Precompiled))
                {
                    SafeOutput.AddSource(spc, ModelsEmitter.ExtrasHintName, () => ModelsEmitter.EmitExtras(input.Catalog, input.Precompiled, input.RootNamespace, TypeVisibility.Keyword(input.Internal)));
                }

                return;
            }

            SafeOutput.AddSource(spc, ModelsEmitter.CatalogHintName, () => ModelsEmitter.EmitCatalog(input.Catalog, input.RootNamespace, TypeVisibility.Keyword(input.Internal)));
            foreach (var route in Foundry.Generated.Catalog.ModelIds.ModelIdRules.KnownRoutes)
            {
                SafeOutput.AddSource(spc, ModelsEmitter.RouteHintName(route), () => ModelsEmitter.EmitRoute(route, input.Catalog, input.RootNamespace, TypeVisibility.Keyword(input.Internal)));
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

            if (IntegrationEmitter.EmitExtensions(plan) is { } extensions)
            {
                SafeOutput.AddSource(spc, AdapterExtensions.HintName, () => extensions);
            }

            foreach (var skipped in plan.Skipped)
            {
                var parts = skipped.Split('|');
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.FoundryDiagnostics.IntegrationSkipped, Location.None, parts[0], parts[1]));
            }
        });

        // Diagnostics are a separate output so a problem-only change never re-emits source.
        var specProblems = spec.Select((model, _) => model?.Problems ?? default).WithTrackingName(TrackingNames.SpecProblems);
        var precompiledAny = precompiled.Select((p, _) => p.Any);
        context.RegisterSourceOutput(specProblems.Combine(files.Collect()).Combine(precompiledAny), (spc, input) =>
        {
            var pair = input.Left;
            foreach (var problem in pair.Left)
            {
                spc.ReportDiagnostic(ProblemReporter.ToDiagnostic(problem));
            }

            // Without a spec, the precompiled clients are the normal case, not a problem.
            if (!pair.Right.Any(f => f.Kind == InputKinds.Spec) && !input.Right)
            {
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.FoundryDiagnostics.NoSpecFile, Location.None, SpecFileName));
            }

            if (!pair.Right.Any(f => f.Kind == InputKinds.Catalog))
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
}
