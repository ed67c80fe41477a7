using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Foundry.Generated.Catalog;
using Foundry.Generated.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Foundry.Generated.Generator.Analyzers;

/// <summary>
/// Checks every string constant that flows into a <c>[FoundryModelId(route)]</c> parameter, property or field
/// against the model catalog AdditionalFile: unknown ids (FDRY001, with suggestions), models on the wrong route
/// (FDRY002), retired models (FDRY003), malformed RIDs (FDRY004), uncatalogued RIDs in the escape hatch (FDRY005),
/// and request parameters the model rejects (FDRY006). The catalog is parsed once per file content.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelIdAnalyzer : DiagnosticAnalyzer
{
    private const string AttributeName = "Foundry.Generated.FoundryModelIdAttribute";

    // Parses a catalog text once; Roslyn caches by SourceText, so edits are seen without restarting anything.
    private static readonly SourceTextValueProvider<ModelCatalog?> CatalogProvider =
        new(text => CatalogReader.Read(text.ToString()).Catalog);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        FoundryDiagnostics.UnknownModelId,
        FoundryDiagnostics.ModelNotOnRoute,
        FoundryDiagnostics.DeprecatedModel,
        FoundryDiagnostics.MalformedRid,
        FoundryDiagnostics.UncataloguedRid,
        FoundryDiagnostics.ParameterRejectedByModel,
        FoundryDiagnostics.ModelNotPrecompiled,
        FoundryDiagnostics.StructuredOutputNotSupported);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var attribute = start.Compilation.GetTypeByMetadataName(AttributeName);
            var catalog = LoadCatalog(start);
            if (attribute is null || catalog is null)
            {
                return;
            }

            start.RegisterOperationAction(c => OnArgument(c, attribute, catalog), OperationKind.Argument);
            start.RegisterOperationAction(c => OnAssignment(c, attribute, catalog), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(c => OnInitializer(c, attribute, catalog), OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
            start.RegisterOperationAction(c => RequestParameters.Check(c, catalog), OperationKind.ObjectOrCollectionInitializer);
            start.RegisterOperationAction(c => StructuredOutputCalls.Check(c, catalog), OperationKind.Invocation);
        });
    }

#pragma warning disable RS1012 // only reads the catalog; actions are registered by the caller
    private static ModelCatalog? LoadCatalog(CompilationStartAnalysisContext start)
#pragma warning restore RS1012
    {
        var catalog = Read(start, Pipeline.InputKinds.Catalog);
        var precompiled = Read(start, Pipeline.InputKinds.PrecompiledCatalog);
        return catalog is null ? precompiled : precompiled is null ? catalog : catalog.Over(precompiled);
    }

    // A user's FoundryModelCatalog overlays the catalog the precompiled clients were compiled with (the build files
    // pass both): their models are all valid, and a user's entry replaces the precompiled one with the same id.
#pragma warning disable RS1012
    private static ModelCatalog? Read(CompilationStartAnalysisContext start, string kind)
#pragma warning restore RS1012
    {
        var file = start.Options.AdditionalFiles.FirstOrDefault(f => Pipeline.InputKinds.Of(f, start.Options.AnalyzerConfigOptionsProvider) == kind);
        var text = file?.GetText(start.CancellationToken);
        return text != null && start.TryGetValue(text, CatalogProvider, out var catalog) ? catalog : null;
    }

    private static void OnArgument(OperationAnalysisContext context, INamedTypeSymbol attribute, ModelCatalog catalog)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.Parameter is { } parameter && Marker(parameter, attribute) is { } marker)
        {
            Report(context, catalog, argument.Value, marker, parameter.ContainingType);
        }
    }

    private static void OnAssignment(OperationAnalysisContext context, INamedTypeSymbol attribute, ModelCatalog catalog)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        var target = assignment.Target switch
        {
            IPropertyReferenceOperation p => (ISymbol)p.Property,
            IFieldReferenceOperation f => f.Field,
            _ => null,
        };
        if (target != null && Marker(target, attribute) is { } marker)
        {
            Report(context, catalog, assignment.Value, marker);
        }
    }

    private static void OnInitializer(OperationAnalysisContext context, INamedTypeSymbol attribute, ModelCatalog catalog)
    {
        var initializer = (ISymbolInitializerOperation)context.Operation;
        var symbols = initializer switch
        {
            IFieldInitializerOperation f => f.InitializedFields.Cast<ISymbol>(),
            IPropertyInitializerOperation p => p.InitializedProperties.Cast<ISymbol>(),
            _ => Enumerable.Empty<ISymbol>(),
        };
        foreach (var symbol in symbols)
        {
            if (Marker(symbol, attribute) is { } marker)
            {
                Report(context, catalog, initializer.Value, marker);
            }
        }
    }

    /// <summary>
    /// FDRY007: the id is in the consumer's catalog but the model struct comes precompiled from a referenced assembly
    /// that does not have it, so its <c>Parse</c> would throw at run time; the generated <c>AppModels</c> has it.
    /// </summary>
    private static Diagnostic? NotPrecompiled(ModelCatalog catalog, string text, INamedTypeSymbol? owner, Location location)
    {
        if (owner is null || !Pipeline.PrecompiledModels.IsFromMetadata(owner) || catalog.Find(text) is not { } model
            || Pipeline.PrecompiledModels.ModelMembers(owner).Contains(model.CSharpName))
        {
            return null;
        }

        var nested = owner.Name.EndsWith("Model", System.StringComparison.Ordinal) ? owner.Name.Substring(0, owner.Name.Length - "Model".Length) : owner.Name;
        var ns = owner.ContainingNamespace.ToDisplayString();
        return Diagnostic.Create(FoundryDiagnostics.ModelNotPrecompiled, location, model.Id, owner.Name, $"{ns}.AppModels.{nested}.{model.CSharpName}");
    }

    private static (string Route, bool AllowUncatalogued)? Marker(ISymbol symbol, INamedTypeSymbol attribute)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute) && data.ConstructorArguments.Length == 1 && data.ConstructorArguments[0].Value is string route)
            {
                var allow = data.NamedArguments.Any(n => n.Key == "AllowUncatalogued" && n.Value.Value is true);
                return (route, allow);
            }
        }

        return null;
    }

    private static void Report(OperationAnalysisContext context, ModelCatalog catalog, IOperation value, (string Route, bool AllowUncatalogued) marker, INamedTypeSymbol? owner = null)
    {
        // Only compile-time constants can be judged; anything else is checked at run time by Parse.
        var constant = value.ConstantValue;
        if (!constant.HasValue || constant.Value is not string text)
        {
            return;
        }

        var diagnostic = ModelIdVerdicts.Check(catalog, text, marker.Route, marker.AllowUncatalogued, value.Syntax.GetLocation())
            ?? (marker.AllowUncatalogued ? null : NotPrecompiled(catalog, text, owner, value.Syntax.GetLocation()));
        if (diagnostic != null)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}
