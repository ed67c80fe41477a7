using System.Linq;
using Foundry.Generated.Catalog;
using Foundry.Generated.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Foundry.Generated.Generator.Analyzers;

/// <summary>
/// FDRY008: a structured-output call of a generated client (<c>CreateAsync(request, JsonTypeInfo&lt;T&gt;)</c>, or
/// <c>StreamAsync(request, FoundryStructuredAccumulator&lt;T, TResponse&gt;)</c>) for a model whose catalog entry says
/// <c>capabilities.structuredOutput: false</c>, with the models that support it on that route. The model is found where
/// the code shows it: Gemini's <c>model</c> argument, or the request's <c>Model = …</c> in an object initializer or a
/// <c>with</c> expression (one without <c>Model</c> keeps its source's), passed directly or through locals of the same
/// body, the model itself too (<c>var model = ResponsesModel.X;</c>). A local written after its declaration is not
/// followed: which value reaches the call is then a question of control flow, and a wrong guess would be a false warning.
/// </summary>
internal static class StructuredOutputCalls
{
    private const string TypeInfo = "System.Text.Json.Serialization.Metadata.JsonTypeInfo";
    private const string StructuredAccumulator = "Foundry.Generated.FoundryStructuredAccumulator";
    private const string ModelIdInterface = "Foundry.Generated.IFoundryModelId";

    public static void Check(OperationAnalysisContext context, ModelCatalog catalog)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("CreateAsync" or "StreamAsync") || !method.Parameters.Any(IsStructured) || Route(method.ContainingType) is not { } route)
        {
            return;
        }

        CatalogModel? model = null;
        foreach (var argument in invocation.Arguments)
        {
            model ??= argument.Parameter?.Name switch
            {
                "model" => ModelOf(argument.Value, catalog, context),
                "request" => ModelOfRequest(argument.Value, catalog, context),
                _ => null,
            };
        }

        if (model is null || model.Capabilities.StructuredOutput)
        {
            return;
        }

        var suggestions = catalog.Models
            .Where(m => m.SupportsRoute(route) && m.Capabilities.StructuredOutput && !m.IsRetired)
            .OrderBy(m => m.PreferredRoute == route ? 0 : 1)
            .ThenBy(m => m.Lifecycle == "ga" ? 0 : 1)
            .Select(m => m.Id)
            .Take(5)
            .ToList();
        context.ReportDiagnostic(Diagnostic.Create(
            FoundryDiagnostics.StructuredOutputNotSupported,
            invocation.Syntax.GetLocation(),
            model.Id,
            route,
            suggestions.Count > 0 ? string.Join(", ", suggestions) : "none in the catalog"));
    }

    private static bool IsStructured(IParameterSymbol parameter)
        => parameter.Type is INamedTypeSymbol { IsGenericType: true } type
            && type.ConstructedFrom.ToDisplayString() is var name
            && (name.StartsWith(TypeInfo + "<", System.StringComparison.Ordinal) || name.StartsWith(StructuredAccumulator + "<", System.StringComparison.Ordinal));

    // Generated clients declare `public const string Route = "<route id>";`.
    private static string? Route(INamedTypeSymbol type)
        => type.GetMembers("Route").OfType<IFieldSymbol>().FirstOrDefault(f => f.IsConst && f.ConstantValue is string)?.ConstantValue as string;

    private static CatalogModel? ModelOfRequest(IOperation value, ModelCatalog catalog, OperationAnalysisContext context, int depth = 0)
    {
        value = Resolve(value, context);
        var (initializers, source) = value switch
        {
            IObjectCreationOperation { Initializer: { } init } => (init.Initializers, null),
            IWithOperation { Initializer: IObjectOrCollectionInitializerOperation init } with => (init.Initializers, with.Operand),
            _ => (default(System.Collections.Immutable.ImmutableArray<IOperation>), (IOperation?)null),
        };
        if (initializers.IsDefault)
        {
            return null;
        }

        var model = initializers.OfType<ISimpleAssignmentOperation>()
            .Where(a => a.Target is IPropertyReferenceOperation { Property.Name: "Model" })
            .Select(a => ModelOf(a.Value, catalog, context))
            .FirstOrDefault(m => m != null);

        // `request with { Input = … }` keeps the model of the request it copies.
        return model ?? (source is not null && depth < MaxLocals ? ModelOfRequest(source, catalog, context, depth + 1) : null);
    }

    // ResponsesModel.Gpt5 (the catalog entry whose C# name it is), or ResponsesModel.Parse("gpt-5").
    private static CatalogModel? ModelOf(IOperation value, ModelCatalog catalog, OperationAnalysisContext context)
    {
        value = Resolve(value, context);
        if (value is IPropertyReferenceOperation { Property: { IsStatic: true } property } && IsModelType(property.ContainingType))
        {
            return catalog.Models.FirstOrDefault(m => m.CSharpName == property.Name);
        }

        if (value is IInvocationOperation { TargetMethod: { Name: "Parse", IsStatic: true } parse } call && IsModelType(parse.ContainingType)
            && call.Arguments.Length > 0 && call.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text })
        {
            return catalog.Find(text);
        }

        return null;
    }

    private static bool IsModelType(INamedTypeSymbol type) => type.AllInterfaces.Any(i => i.ToDisplayString() == ModelIdInterface);

    // How many locals in a row are followed (`var a = …; var b = a with { … };` …).
    private const int MaxLocals = 4;

    // The value without conversions; for a local of this file declared with an initializer and never written after, that
    // initializer's value (followed through up to MaxLocals locals).
    private static IOperation Resolve(IOperation value, OperationAnalysisContext context)
    {
        value = Unwrap(value);
        for (var i = 0; i < MaxLocals && value is ILocalReferenceOperation { Local: var local }; i++)
        {
            var declarator = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) as VariableDeclaratorSyntax;
            if (declarator?.Initializer?.Value is not { } initializer || declarator.SyntaxTree != context.Operation.Syntax.SyntaxTree
                || IsWrittenAgain(local, declarator, context) || context.Operation.SemanticModel?.GetOperation(initializer, context.CancellationToken) is not { } declared)
            {
                break;
            }

            value = Unwrap(declared);
        }

        return value;
    }

    // An assignment to the local, or the local passed by ref or out, anywhere in the body that declares it.
    private static bool IsWrittenAgain(ILocalSymbol local, VariableDeclaratorSyntax declarator, OperationAnalysisContext context)
    {
        var body = declarator.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax or CompilationUnitSyntax);
        var model = context.Operation.SemanticModel;
        if (body is null || model is null)
        {
            return true;
        }

        foreach (var name in body.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText != local.Name)
            {
                continue;
            }

            var written = name.Parent switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left == name,
                ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None),
                PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
                _ => false,
            };
            if (written && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, context.CancellationToken).Symbol, local))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }
}
