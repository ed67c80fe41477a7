using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Cli.Chat;
using Foundry.Generated.Cli.Probe;
using Foundry.Generated.SpecSync;

namespace Foundry.Generated.Cli;

/// <summary>The command dispatch, with inputs and outputs passed in so tests can drive it.</summary>
public static class CliApp
{
    public const string Description = "foundry-llm: the Foundry LLM proxy model catalog, chat, spec sync and a probe of which model works on which route of your Foundry.";

    /// <summary>
    /// Runs a command line: 0 done (help included), 2 a wrong command line (System.CommandLine's message and "did you
    /// mean" on <paramref name="error"/>), otherwise the command's own exit code.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment, TimeProvider time, CancellationToken cancellationToken)
    {
        var parsed = Create(environment, time).Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            ParseErrors.Write(parsed, error);
            return ChatApp.BadArguments;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Program owns Ctrl+C (it cancels cancellationToken), and exceptions surface as they always did.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        return await parsed.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>The root command: its name is the tool's (the assembly's), with help, version and [suggest] completions.</summary>
    internal static RootCommand Create(Func<string, string?> environment, TimeProvider time) => new(Description)
    {
        ModelsCommandLine.Create(),
        ChatCommandLine.Create(environment),
        ProbeCommandLine.Create(environment, time),
        SyncCommandLine.AddTo(new Command("sync", SyncCommandLine.Description)),
    };
}
