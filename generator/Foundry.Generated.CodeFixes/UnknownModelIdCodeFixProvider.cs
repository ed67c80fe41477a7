using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Foundry.Generated.Generator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Foundry.Generated.CodeFixes;

/// <summary>
/// FDRY001 (unknown model id): one fix per suggestion the analyzer made, replacing the string literal with it. Fix All
/// applies the first (best) suggestion of each occurrence: that fix has one key whatever the id, so a Fix All started
/// from it (or <c>dotnet format</c>, which starts from the first fix) picks it everywhere.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownModelIdCodeFixProvider)), Shared]
public sealed class UnknownModelIdCodeFixProvider : CodeFixProvider
{
    /// <summary>The key of the first suggestion's fix, the same for every occurrence.</summary>
    public const string FirstSuggestionKey = ModelIdFixProperties.UnknownModelId + ".first";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ModelIdFixProperties.UnknownModelId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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

            var first = true;
            foreach (var suggestion in joined!.Split(ModelIdFixProperties.Separator))
            {
                if (suggestion.Length == 0)
                {
                    continue;
                }

                // The others keep a key per id: a Fix All from one of them uses that id where it is offered.
                var key = first ? FirstSuggestionKey : ModelIdFixProperties.UnknownModelId + ":" + suggestion;
                first = false;
                context.RegisterCodeFix(
                    CodeAction.Create($"Use '{suggestion}'", ct => ModelIdLiteral.ReplaceAsync(context.Document, literal, suggestion, ct), key),
                    diagnostic);
            }
        }
    }
}
