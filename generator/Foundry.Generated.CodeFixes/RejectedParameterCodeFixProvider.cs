using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Foundry.Generated.CodeFixes;

/// <summary>FDRY006 (request sets a parameter the model rejects): removes that assignment from the object initializer.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RejectedParameterCodeFixProvider)), Shared]
public sealed class RejectedParameterCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = ModelIdFixProperties.ParameterRejectedByModel + ":remove";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ModelIdFixProperties.ParameterRejectedByModel);

    // Not the batch fixer: two removals side by side share a comma, so their separate edits overlap and it would keep
    // only one. Each document's removals are made together instead.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(RemoveAllAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (InitializerAssignments.Find(root, diagnostic.Location.SourceSpan) is not { Parent: InitializerExpressionSyntax initializer } assignment
                || initializer.Expressions.Count < 2)
            {
                continue;
            }

            var name = assignment.Left.ToString();
            context.RegisterCodeFix(
                CodeAction.Create($"Remove the '{name}' assignment", ct => RemoveAsync(context.Document, [assignment], ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document?> RemoveAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var assignments = diagnostics.Select(d => InitializerAssignments.Find(root, d.Location.SourceSpan)).OfType<AssignmentExpressionSyntax>();
        return await RemoveAsync(document, assignments, context.CancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document> RemoveAsync(Document document, IEnumerable<AssignmentExpressionSyntax> assignments, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var changes = assignments
            .GroupBy(a => (InitializerExpressionSyntax)a.Parent!)
            .SelectMany(group => InitializerAssignments.RemovedSpans(group.Key, new HashSet<ExpressionSyntax>(group)))
            .Select(span => new TextChange(span, string.Empty));
        return document.WithText(text.WithChanges(changes));
    }
}
