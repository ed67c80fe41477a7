using System;
using System.CommandLine.Parsing;
using System.Linq;

namespace Foundry.Generated.Cli.Chat;

/// <summary>
/// The prompt's words stop at the first word that looks like an option (<c>--modle</c>): handed back to the parser,
/// it becomes an unknown option with a "did you mean" suggestion instead of being sent as part of the prompt.
/// </summary>
internal static class PromptWords
{
    public static string[] Parse(ArgumentResult result)
    {
        var words = result.Tokens.TakeWhile(token => !token.Value.StartsWith("--", StringComparison.Ordinal)).Count();
        if (words < result.Tokens.Count)
        {
            result.OnlyTake(words);
        }

        return result.Tokens.Take(words).Select(token => token.Value).ToArray();
    }
}
