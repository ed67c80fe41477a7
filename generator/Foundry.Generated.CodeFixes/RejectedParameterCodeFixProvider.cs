using System.Collections.Immutable;
using System.Composition;
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

/// <summary>FDRY006 (request sets a parameter the model rejects): removes that assignment from the object initializer.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RejectedParameterCodeFixProvider)), Shared]
public sealed class RejectedParameterCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ModelIdFixProperties.ParameterRejectedByModel);

    // Two removals in one initializer can share a comma; fixing them one at a time keeps the text right.
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment
                || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                || assignment.Parent is not InitializerExpressionSyntax initializer
                || initializer.Expressions.Count < 2)
            {
                continue;
            }

            var name = assignment.Left.ToString();
            context.RegisterCodeFix(
                CodeAction.Create($"Remove the '{name}' assignment", ct => RemoveAsync(context.Document, initializer, assignment, ct), ModelIdFixProperties.ParameterRejectedByModel + ":remove"),
                diagnostic);
        }
    }

    private static async Task<Document> RemoveAsync(Document document, InitializerExpressionSyntax initializer, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(RemovedSpan(initializer, assignment), string.Empty)));
    }

    /// <summary>
    /// What goes: an element followed by a comma takes its own line start (leading trivia) through the comma and the
    /// comma's trailing trivia; the last element without a trailing comma takes the comma before it and everything up
    /// to its own end, keeping what followed it (the space or line break before <c>}</c>).
    /// </summary>
    private static TextSpan RemovedSpan(InitializerExpressionSyntax initializer, AssignmentExpressionSyntax assignment)
    {
        var expressions = initializer.Expressions;
        var index = expressions.IndexOf(assignment);
        if (index < expressions.SeparatorCount)
        {
            var comma = expressions.GetSeparator(index);
            return TextSpan.FromBounds(assignment.FullSpan.Start, comma.FullSpan.End);
        }

        var previous = expressions.GetSeparator(index - 1);
        return TextSpan.FromBounds(previous.Span.Start, assignment.Span.End);
    }
}
