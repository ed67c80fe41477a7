using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;

namespace Foundry.Generated.Cli;

/// <summary>A wrong command line, all on standard error: System.CommandLine's errors, then its "did you mean" suggestions.</summary>
internal static class ParseErrors
{
    public static void Write(ParseResult parsed, TextWriter error)
    {
        // An argument that handed unknown words back to the parser (the chat prompt) also reports itself as unparsable:
        // the unknown words' own errors say it better.
        var errors = parsed.Errors.Where(e => !(parsed.UnmatchedTokens.Count > 0 && e.SymbolResult is ArgumentResult { Parent: CommandResult }));
        foreach (var e in errors)
        {
            error.WriteLine(e.Message);
        }

        // The suggestions come from System.CommandLine's own error action, which writes them to its output; its
        // error writer is discarded because the errors were written above.
        var action = (ParseErrorAction)parsed.Action!;
        action.ShowHelp = false;
        action.ShowTypoCorrections = true;
        parsed.Invoke(new InvocationConfiguration { Output = error, Error = TextWriter.Null, EnableDefaultExceptionHandler = false });
        error.WriteLine($"Run '{parsed.RootCommandResult.Command.Name} {string.Join(" ", CommandPath(parsed))} --help' for usage.".Replace("  ", " "));
    }

    private static string[] CommandPath(ParseResult parsed)
    {
        var names = new System.Collections.Generic.List<string>();
        for (SymbolResult? result = parsed.CommandResult; result is CommandResult { Parent: not null } command; result = command.Parent)
        {
            names.Insert(0, command.Command.Name);
        }

        return names.ToArray();
    }
}
