using System;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Cli;

/// <summary><c>foundry-llm models | chat | sync | probe</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Ctrl+C stops the command cleanly (a chat ends its stream, a probe keeps what it measured).
            e.Cancel = true;
            cancel.Cancel();
        };

        return await CliApp.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, TimeProvider.System, cancel.Token);
    }
}
