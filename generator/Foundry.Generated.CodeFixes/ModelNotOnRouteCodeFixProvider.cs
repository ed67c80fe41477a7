using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Foundry.Generated.CodeFixes;

/// <summary>
/// FDRY002 (model not on this route): in <c>XModel.Parse("id")</c> (or another static call on a model type), switches
/// to the model type of a route the model works on, one fix per such route (the preferred route first), where the call
/// site allows it: the call's value is not converted to the old model type (a <c>var</c> local, <c>object</c>, a
/// discard...) and the document has no new compile errors after the switch. Anywhere else it offers nothing.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModelNotOnRouteCodeFixProvider)), Shared]
public sealed class ModelNotOnRouteCodeFixProvider : CodeFixProvider
{
    private const string ModelIdInterface = "Foundry.Generated.IFoundryModelId";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ModelIdFixProperties.ModelNotOnRoute);

    // A fix's key names its route, so a Fix All switches every call site where that route's fix is offered (each one
    // passed the compile check on its own) and leaves the others.
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ModelIdFixProperties.Routes, out var joined) || string.IsNullOrEmpty(joined))
            {
                continue;
            }

            var literal = await ModelIdLiteral.FindAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (literal?.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                || invocation.Expression is not MemberAccessExpressionSyntax { Expression: var typeExpression } access
                || !access.IsKind(SyntaxKind.SimpleMemberAccessExpression))
            {
                continue;
            }

            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (model?.GetSymbolInfo(typeExpression, context.CancellationToken).Symbol is not INamedTypeSymbol oldType
                || !IsModelType(oldType)
                || !CallSiteAllowsAnotherType(model, invocation, oldType, context.CancellationToken))
            {
                continue;
            }

            var errorsBefore = CountErrors(model, context.CancellationToken);
            foreach (var route in joined!.Split(ModelIdFixProperties.Separator))
            {
                if (ModelTypeFor(oldType, route) is not { } newType || SymbolEqualityComparer.Default.Equals(newType, oldType))
                {
                    continue;
                }

                var changed = await SwitchTypeAsync(context.Document, model, typeExpression, newType, context.CancellationToken).ConfigureAwait(false);
                var changedModel = await changed.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                if (changedModel is null || CountErrors(changedModel, context.CancellationToken) > errorsBefore)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create($"Use {newType.Name} (route '{route}')", _ => Task.FromResult(changed), ModelIdFixProperties.ModelNotOnRoute + ":" + route),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// The value of the call may take another model type: it is not converted to the old type at all (object, an
    /// interface, a discard, an expression statement), or it initializes a <c>var</c> local (whose uses the compile
    /// check after the switch covers).
    /// </summary>
    private static bool CallSiteAllowsAnotherType(SemanticModel model, InvocationExpressionSyntax invocation, INamedTypeSymbol oldType, CancellationToken cancellationToken)
    {
        if (invocation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: true } } })
        {
            return true;
        }

        var converted = model.GetTypeInfo(invocation, cancellationToken).ConvertedType;
        return !SymbolEqualityComparer.Default.Equals(converted, oldType);
    }

    private static bool IsModelType(INamedTypeSymbol type)
        => type.AllInterfaces.Any(i => i.ToDisplayString() == ModelIdInterface);

    /// <summary>The model type of <paramref name="route"/> next to <paramref name="oldType"/>: the one whose <c>RouteId</c> constant is the route.</summary>
    private static INamedTypeSymbol? ModelTypeFor(INamedTypeSymbol oldType, string route)
        => oldType.ContainingNamespace.GetTypeMembers().FirstOrDefault(t =>
            IsModelType(t) && t.GetMembers("RouteId").OfType<IFieldSymbol>().Any(f => f.IsConst && f.ConstantValue is string id && id == route));

    // A simple name becomes the shortest name the new type has at that point; a qualified one keeps its qualifier.
    private static async Task<Document> SwitchTypeAsync(Document document, SemanticModel model, ExpressionSyntax typeExpression, INamedTypeSymbol newType, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var change = typeExpression switch
        {
            IdentifierNameSyntax name => new TextChange(name.Span, newType.ToMinimalDisplayString(model, name.SpanStart)),
            MemberAccessExpressionSyntax qualified => new TextChange(qualified.Name.Span, newType.Name),
            QualifiedNameSyntax qualified => new TextChange(qualified.Right.Span, newType.Name),
            AliasQualifiedNameSyntax qualified => new TextChange(qualified.Name.Span, newType.Name),
            _ => new TextChange(typeExpression.Span, newType.ToMinimalDisplayString(model, typeExpression.SpanStart)),
        };
        return document.WithText(text.WithChanges(change));
    }

    private static int CountErrors(SemanticModel model, CancellationToken cancellationToken)
        => model.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
}
