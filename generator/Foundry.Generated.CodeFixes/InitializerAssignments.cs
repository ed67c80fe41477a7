using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Foundry.Generated.CodeFixes;

/// <summary>Finding an assignment in an object initializer and removing some of an initializer's assignments at once.</summary>
internal static class InitializerAssignments
{
    /// <summary>The simple assignment at <paramref name="span"/>, when it is an element of an object initializer.</summary>
    public static AssignmentExpressionSyntax? Find(SyntaxNode root, TextSpan span)
        => root.FindNode(span, getInnermostNodeForTie: true) is AssignmentExpressionSyntax assignment
            && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            && assignment.Parent is InitializerExpressionSyntax
            ? assignment
            : null;

    /// <summary>
    /// The text that goes when <paramref name="removed"/> leave <paramref name="initializer"/>, as spans that do not
    /// overlap; none when no element would be left (the initializer is never emptied). An element followed by a comma
    /// takes its own line start (leading trivia) through the comma and the comma's trailing trivia; the last element
    /// without a trailing comma takes everything from the comma after the last element kept before it, keeping what
    /// followed it (the space or line break before <c>}</c>). Spans are merged because neighbours can share a comma.
    /// </summary>
    public static IReadOnlyList<TextSpan> RemovedSpans(InitializerExpressionSyntax initializer, ISet<ExpressionSyntax> removed)
    {
        var expressions = initializer.Expressions;
        if (expressions.All(removed.Contains))
        {
            return [];
        }

        var spans = new List<TextSpan>();
        var lastKept = -1;
        for (var index = 0; index < expressions.Count; index++)
        {
            var expression = expressions[index];
            if (!removed.Contains(expression))
            {
                lastKept = index;
            }
            else if (index < expressions.SeparatorCount)
            {
                spans.Add(TextSpan.FromBounds(expression.FullSpan.Start, expressions.GetSeparator(index).FullSpan.End));
            }
            else
            {
                spans.Add(TextSpan.FromBounds(expressions.GetSeparator(lastKept).Span.Start, expression.Span.End));
            }
        }

        return Merge(spans);
    }

    private static IReadOnlyList<TextSpan> Merge(List<TextSpan> spans)
    {
        var merged = new List<TextSpan>();
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && merged[merged.Count - 1].End >= span.Start)
            {
                var last = merged[merged.Count - 1];
                merged[merged.Count - 1] = TextSpan.FromBounds(last.Start, System.Math.Max(last.End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }
}
