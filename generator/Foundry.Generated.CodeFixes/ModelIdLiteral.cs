using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Foundry.Generated.CodeFixes;

/// <summary>The string literal a model-id diagnostic points at, and replacing it.</summary>
internal static class ModelIdLiteral
{
    /// <summary>
    /// The string literal at the diagnostic, or null when the flagged value is something else (a constant, a
    /// concatenation): only a literal is rewritten in place.
    /// </summary>
    public static async Task<LiteralExpressionSyntax?> FindAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root?.FindNode(span, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal
            : null;
    }

    /// <summary>The document with the literal's token replaced by <paramref name="value"/>, written as a regular C# string literal.</summary>
    public static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, string value, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var replacement = SymbolDisplay.FormatLiteral(value, quote: true);
        return document.WithText(text.WithChanges(new TextChange(literal.Token.Span, replacement)));
    }
}
