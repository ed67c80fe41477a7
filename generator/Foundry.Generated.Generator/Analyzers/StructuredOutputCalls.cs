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
/// the call shows it: Gemini's <c>model</c> argument, or the request's <c>Model = …</c> in an object initializer passed
/// directly or through a local declared with one.
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
                "model" => ModelOf(argument.Value, catalog),
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

    private static CatalogModel? ModelOfRequest(IOperation value, ModelCatalog catalog, OperationAnalysisContext context)
    {
        value = Unwrap(value);
        if (value is ILocalReferenceOperation { Local: var local })
        {
            // `var request = new CreateResponse { Model = … };` in the same body.
            var declarator = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) as VariableDeclaratorSyntax;
            if (declarator?.Initializer?.Value is { } initializer && declarator.SyntaxTree == context.Operation.Syntax.SyntaxTree)
            {
                value = context.Operation.SemanticModel?.GetOperation(initializer, context.CancellationToken) is { } declared ? Unwrap(declared) : value;
            }
        }

        var assignments = value switch
        {
            IObjectCreationOperation { Initializer: { } init } => init.Initializers,
            IWithOperation { Initializer: IObjectOrCollectionInitializerOperation init } => init.Initializers,
            _ => default,
        };
        if (assignments.IsDefault)
        {
            return null;
        }

        return assignments.OfType<ISimpleAssignmentOperation>()
            .Where(a => a.Target is IPropertyReferenceOperation { Property.Name: "Model" })
            .Select(a => ModelOf(a.Value, catalog))
            .FirstOrDefault(m => m != null);
    }

    // ResponsesModel.Gpt5 (the catalog entry whose C# name it is), or ResponsesModel.Parse("gpt-5").
    private static CatalogModel? ModelOf(IOperation value, ModelCatalog catalog)
    {
        value = Unwrap(value);
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

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }
}
