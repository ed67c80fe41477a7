using System.Linq;
using Foundry.Generated.Catalog;
using Foundry.Generated.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Foundry.Generated.Generator.Analyzers;

/// <summary>
/// FDRY006: a request initializer that picks a catalogued model (<c>Model = ResponsesModel.Gpt5</c>) and also sets a
/// parameter the catalog says that model rejects (temperature on reasoning models, <c>max_tokens</c> where
/// <c>max_completion_tokens</c> is required).
/// </summary>
internal static class RequestParameters
{
    private const string ModelIdInterface = "Foundry.Generated.IFoundryModelId";

    public static void Check(OperationAnalysisContext context, ModelCatalog catalog)
    {
        var initializer = (IObjectOrCollectionInitializerOperation)context.Operation;
        var assignments = initializer.Initializers.OfType<ISimpleAssignmentOperation>().ToList();
        var model = assignments
            .Where(a => a.Target is IPropertyReferenceOperation { Property.Name: "Model" })
            .Select(a => ModelOf(a.Value, catalog))
            .FirstOrDefault(m => m != null);
        if (model == null)
        {
            return;
        }

        foreach (var assignment in assignments)
        {
            if (assignment.Target is not IPropertyReferenceOperation { Property.Name: var name } || IsNullLiteral(assignment.Value))
            {
                continue;
            }

            var reason = name switch
            {
                "Temperature" or "TopP" when !model.Capabilities.Temperature => "the catalog says it takes no sampling temperature (reasoning model)",
                "MaxTokens" when model.Capabilities.MaxTokensParameter == "max_completion_tokens" => "it needs max_completion_tokens (MaxCompletionTokens) instead",
                _ => null,
            };
            if (reason != null)
            {
                context.ReportDiagnostic(Diagnostic.Create(FoundryDiagnostics.ParameterRejectedByModel, assignment.Syntax.GetLocation(), model.Id, name, reason));
            }
        }
    }

    // ResponsesModel.Gpt5 → the catalog entry whose C# name is Gpt5.
    private static CatalogModel? ModelOf(IOperation value, ModelCatalog catalog)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is IPropertyReferenceOperation { Property: { IsStatic: true } property }
            && property.ContainingType.AllInterfaces.Any(i => i.ToDisplayString() == ModelIdInterface))
        {
            return catalog.Models.FirstOrDefault(m => m.CSharpName == property.Name);
        }

        return null;
    }

    private static bool IsNullLiteral(IOperation value)
        => value.ConstantValue.HasValue && value.ConstantValue.Value is null;
}
