using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Foundry.Generated.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Foundry.Generated.CodeFixes;

/// <summary>
/// FDRY003 (deprecated or sunset model): replaces the string literal with the model's successor when the catalog names
/// one that works on the same route (the analyzer passes it in the diagnostic's properties).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RetiredModelCodeFixProvider)), Shared]
public sealed class RetiredModelCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = ModelIdFixProperties.DeprecatedModel + ":successor";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ModelIdFixProperties.DeprecatedModel);

    // Each occurrence has exactly one successor, so fixing all is unambiguous.
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ModelIdFixProperties.Successor, out var successor) || string.IsNullOrEmpty(successor))
            {
                continue;
            }

            var literal = await ModelIdLiteral.FindAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (literal is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Use the successor '{successor}'", ct => ModelIdLiteral.ReplaceAsync(context.Document, literal, successor!, ct), EquivalenceKey),
                diagnostic);
        }
    }
}
