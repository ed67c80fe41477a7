using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Foundry.Generated.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Foundry.Generated.CodeFixes;

/// <summary>FDRY001 (unknown model id): one fix per suggestion the analyzer made, replacing the string literal with it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownModelIdCodeFixProvider)), Shared]
public sealed class UnknownModelIdCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ModelIdFixProperties.UnknownModelId);

    // Which suggestion is right differs per occurrence: no fix-all.
    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ModelIdFixProperties.Suggestions, out var joined) || string.IsNullOrEmpty(joined))
            {
                continue;
            }

            var literal = await ModelIdLiteral.FindAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (literal is null)
            {
                continue;
            }

            foreach (var suggestion in joined!.Split(ModelIdFixProperties.Separator))
            {
                if (suggestion.Length == 0)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use '{suggestion}'",
                        ct => ModelIdLiteral.ReplaceAsync(context.Document, literal, suggestion, ct),
                        equivalenceKey: ModelIdFixProperties.UnknownModelId + ":" + suggestion),
                    diagnostic);
            }
        }
    }
}
