using System.Collections.Immutable;
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
        var options = ReadOptions(context);
        var files = ReadInputFiles(context);
        var spec = ReadSpec(files, options);
        var catalog = ReadCatalog(files);
        var precompiled = FindPrecompiledModels(context, options);

        // FoundryGenerate=Integrations (or SharedBodyAdapters): the spec's types are compiled into a referenced assembly; only plan adapters.
        var emitted = spec.Combine(options).Select((pair, _) => pair.Right.Mode == GenerateMode.All ? pair.Left : null);
        EmitTypes(context, emitted);
        EmitClients(context, emitted);
        EmitModels(context, catalog, options, precompiled);
        EmitIntegrations(context, spec, options);

        // Diagnostics are separate outputs so a problem-only change never re-emits source.
        ReportOptionProblems(context, options);
        ReportSpecProblems(context, spec, files, precompiled);
        ReportCatalogProblems(context, catalog);
    }

    private static IncrementalValueProvider<GeneratorOptions> ReadOptions(IncrementalGeneratorInitializationContext context)
        => context.AnalyzerConfigOptionsProvider
            .Select((provider, _) => GeneratorOptions.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

    /// <summary>The AdditionalFiles that are a spec or a catalog (by name or by their <c>FoundryKind</c> metadata).</summary>
    private static IncrementalValuesProvider<InputFile> ReadInputFiles(IncrementalGeneratorInitializationContext context)
        => context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, _) => (Text: pair.Left, Kind: InputKinds.Of(pair.Left, pair.Right)))
            .Where(f => f.Kind != null)
            .Select((f, ct) => new InputFile(f.Text.Path, f.Kind!, f.Text.GetText(ct)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.Files);

    private static IncrementalValueProvider<SpecModel?> ReadSpec(IncrementalValuesProvider<InputFile> files, IncrementalValueProvider<GeneratorOptions> options)
        => files.Where(f => f.Kind == InputKinds.Spec).Collect()
            .Combine(options)
            .Select((pair, ct) => pair.Left.IsEmpty ? null : SpecModelReader.Read(pair.Left[0], pair.Right, ct))
            .WithTrackingName(TrackingNames.Spec);

    private static IncrementalValueProvider<CatalogInput?> ReadCatalog(IncrementalValuesProvider<InputFile> files)
        => files.Where(f => f.Kind == InputKinds.Catalog).Collect()
            .Select((list, ct) => list.IsEmpty ? null : new CatalogInput(list[0].Path, CatalogReader.Read(list[0].Text, ct)))
            .WithTrackingName(TrackingNames.Catalog);

    /// <summary>The model types a referenced assembly already compiles: a small value, so edits of user code re-run nothing downstream.</summary>
    private static IncrementalValueProvider<PrecompiledModels> FindPrecompiledModels(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<GeneratorOptions> options)
        => context.CompilationProvider.Combine(options)
            .Select((pair, _) => PrecompiledModels.From(pair.Left, pair.Right.RootNamespace))
            .WithTrackingName(TrackingNames.Precompiled);

    private static void EmitTypes(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<SpecModel?> emitted)
    {
        var types = emitted
            .SelectMany((model, _) => model == null ? ImmutableArray<TypeOutput>.Empty : model.Types.Select(t => new TypeOutput(t, model.RootNamespace, model.Internal)).ToImmutableArray())
            .WithTrackingName(TrackingNames.Types);
        context.RegisterSourceOutput(types, (spc, output) => SafeOutput.AddSource(spc, output.Type.HintName, () => TypeEmitter.Emit(output.Type, output.RootNamespace, TypeVisibility.Keyword(output.Internal))));
    }

    private static void EmitClients(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<SpecModel?> emitted)
    {
        var clients = emitted
            .SelectMany((model, _) => model?.Clients == null ? ImmutableArray<ClientOutput>.Empty : model.Clients.Clients.Select(c => new ClientOutput(c, model.RootNamespace, model.Internal)).ToImmutableArray())
            .WithTrackingName(TrackingNames.Clients);
        context.RegisterSourceOutput(clients, (spc, output) => SafeOutput.AddSource(spc, ClientEmitter.HintName(output.Client), () => ClientEmitter.Emit(output.Client, output.RootNamespace, TypeVisibility.Keyword(output.Internal))));

        var root = emitted
            .Select((model, _) => model?.Clients == null ? null : new ClientRootOutput(model.Clients, model.Internal))
            .WithTrackingName(TrackingNames.ClientRoot);
        context.RegisterSourceOutput(root, (spc, output) =>
        {
            if (output != null)
            {
                SafeOutput.AddSource(spc, ClientEmitter.RootHintName, () => ClientEmitter.EmitRoot(output.Clients, TypeVisibility.Keyword(output.Internal)));
            }
        });
    }

    /// <summary>
    /// Model types from the catalog: all of them, unless a referenced assembly already compiles them (the default,
    /// precompiled path), where only the catalog's extra models are emitted.
    /// </summary>
    private static void EmitModels(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<CatalogInput?> catalog, IncrementalValueProvider<GeneratorOptions> options, IncrementalValueProvider<PrecompiledModels> precompiled)
    {
        var models = catalog.Select((c, _) => c?.Result.Catalog).Combine(options).Combine(precompiled)
            .Select((pair, _) => new CatalogModelInput(pair.Left.Left, pair.Left.Right.RootNamespace, pair.Left.Right.Internal, pair.Left.Right.Mode, pair.Right))
            .WithTrackingName(TrackingNames.Models);
        context.RegisterSourceOutput(models, (spc, input) =>
        {
            if (input.Mode != GenerateMode.All)
            {
                return;
            }

            var visibility = TypeVisibility.Keyword(input.Internal);
            if (input.Precompiled.Any)
            {
                if (input.Catalog != null && ModelsEmitter.HasExtras(input.Catalog, input.Precompiled))
                {
                    SafeOutput.AddSource(spc, ModelsEmitter.ExtrasHintName, () => ModelsEmitter.EmitExtras(input.Catalog, input.Precompiled, input.RootNamespace, visibility));
                }

                return;
            }

            SafeOutput.AddSource(spc, ModelsEmitter.CatalogHintName, () => ModelsEmitter.EmitCatalog(input.Catalog, input.RootNamespace, visibility));
            foreach (var route in Foundry.Generated.Catalog.ModelIds.ModelIdRules.KnownRoutes)
            {
                SafeOutput.AddSource(spc, ModelsEmitter.RouteHintName(route), () => ModelsEmitter.EmitRoute(route, input.Catalog, input.RootNamespace, visibility));
            }
        });
    }

    /// <summary>
    /// Adapters for optional libraries the consumer references (e.g. Microsoft.Extensions.AI). The compilation step
    /// yields a small value, so edits that do not change references re-run nothing downstream.
    /// </summary>
    private static void EmitIntegrations(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<SpecModel?> spec, IncrementalValueProvider<GeneratorOptions> options)
    {
        var libraries = context.CompilationProvider.Select((c, _) => ReferencedLibraries.From(c)).WithTrackingName(TrackingNames.Libraries);
        var sharedBodiesOnly = options.Select((o, _) => o.Mode == GenerateMode.SharedBodyAdapters);
        var integrations = spec.Combine(libraries).Combine(sharedBodiesOnly)
            .Select((pair, _) => IntegrationEmitter.Plan(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Integrations);
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
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.FoundryDiagnostics.IntegrationSkipped, Location.None, skipped.Adapter, skipped.Missing));
            }
        });
    }

    private static void ReportOptionProblems(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<GeneratorOptions> options)
        => context.RegisterSourceOutput(options, (spc, o) =>
        {
            foreach (var problem in o.Problems)
            {
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.FoundryDiagnostics.InvalidOption, Location.None, problem.Property, problem.Value, problem.Reason));
            }
        });

    /// <summary>The spec's problems, and a missing spec or catalog (without a spec, precompiled clients are the normal case).</summary>
    private static void ReportSpecProblems(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<SpecModel?> spec, IncrementalValuesProvider<InputFile> files, IncrementalValueProvider<PrecompiledModels> precompiled)
    {
        var problems = spec.Select((model, _) => model?.Problems ?? default).WithTrackingName(TrackingNames.SpecProblems);
        var kinds = files.Select((f, _) => f.Kind).Collect();
        var precompiledAny = precompiled.Select((p, _) => p.Any);
        context.RegisterSourceOutput(problems.Combine(kinds).Combine(precompiledAny), (spc, input) =>
        {
            var ((specProblems, inputKinds), hasPrecompiled) = input;
            foreach (var problem in specProblems)
            {
                spc.ReportDiagnostic(ProblemReporter.ToDiagnostic(problem));
            }

            if (!inputKinds.Contains(InputKinds.Spec) && !hasPrecompiled)
            {
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.FoundryDiagnostics.NoSpecFile, Location.None, SpecFileName));
            }

            if (!inputKinds.Contains(InputKinds.Catalog))
            {
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.FoundryDiagnostics.NoCatalogFile, Location.None, CatalogFileName));
            }
        });
    }

    private static void ReportCatalogProblems(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<CatalogInput?> catalog)
    {
        var problems = catalog.Select((c, _) => c == null ? default : ProblemReporter.FromCatalog(c.Path, c.Result.Problems)).WithTrackingName(TrackingNames.CatalogProblems);
        context.RegisterSourceOutput(problems, (spc, list) =>
        {
            foreach (var problem in list)
            {
                spc.ReportDiagnostic(ProblemReporter.ToDiagnostic(problem));
            }
        });
    }
}
