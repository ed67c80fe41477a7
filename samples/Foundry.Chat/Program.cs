using System;
using System.Threading;
using Foundry.Generated.Cli.Chat;

// dotnet run --project samples/Foundry.Chat -- "Tell me a 10 word story"
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Ctrl+C cancels the stream cleanly instead of killing the process mid-write.
    e.Cancel = true;
    cancel.Cancel();
};

return await ChatApp.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, cancel.Token, command: "dotnet run --project samples/Foundry.Chat --");
