using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Cli.Chat;
using Foundry.Generated.Cli.Probe;
using Foundry.Generated.SpecSync;

namespace Foundry.Generated.Cli;

/// <summary>The command dispatch, with inputs and outputs passed in so tests can drive it.</summary>
public static class CliApp
{
    public const string Usage = """
        Usage: foundry-llm <command> [options]

        Commands:
          models                 the model catalog: id, RID, routes, lifecycle
          chat [options] "..."   stream an answer (FOUNDRY_URL/FOUNDRY_TOKEN; without FOUNDRY_URL an embedded emulator answers)
          probe [options]        which model works on which route of your Foundry (see probe --help)
          sync [options]         regenerate spec/foundry-llm-proxy.openapi.json from the upstream specs (see sync --help)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment, TimeProvider time, CancellationToken cancellationToken)
    {
        var rest = args.Skip(1).ToArray();
        switch (args.FirstOrDefault())
        {
            case "models":
                ModelTable.Write(output);
                return ChatApp.Ok;
            case "chat":
                return await ChatApp.RunAsync(rest, output, error, environment, cancellationToken);
            case "probe":
                return await ProbeCommand.RunAsync(rest, output, error, environment, time, cancellationToken);
            case "sync":
                return await SyncCommand.RunAsync(rest, output, error);
            case null or "-h" or "--help":
                output.WriteLine(Usage);
                return args.Length == 0 ? ChatApp.BadArguments : ChatApp.Ok;
            default:
                error.WriteLine($"error: unknown command '{args[0]}'.");
                error.WriteLine(Usage);
                return ChatApp.BadArguments;
        }
    }
}
