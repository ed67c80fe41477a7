using System;
using System.Threading;
using Foundry.Chat;
using Foundry.Generated;
using Foundry.Generated.Emulator;

// dotnet run --project samples/Foundry.Chat -- "Tell me a 10 word story"
// Streams one answer through the typed Responses client (ChatSession.cs). With FOUNDRY_URL and FOUNDRY_TOKEN set it talks to your
// Foundry; without, to an emulator of the proxy started in this process. More options: `foundry-llm chat --help`.
var prompt = args.Length > 0 ? string.Join(' ', args) : "Tell me a 10 word story";

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Ctrl+C cancels the stream (and closes its connection) instead of killing the process mid-write.
    e.Cancel = true;
    cancel.Cancel();
};

var options = new FoundryClientOptions(); // BaseUrl and Token default to FOUNDRY_URL and FOUNDRY_TOKEN.
await using var emulator = string.IsNullOrEmpty(Environment.GetEnvironmentVariable(FoundryClientOptions.UrlVariable))
    ? await FoundryProxyEmulator.StartAsync(cancellationToken: cancel.Token)
    : null;
if (emulator is not null)
{
    options.BaseUrl = emulator.BaseUrl;
    options.Token = emulator.Token;
    Console.Error.WriteLine($"FOUNDRY_URL is not set: streaming from the embedded Foundry proxy emulator at {emulator.BaseUrl}");
}

using var client = new FoundryLlmClient(options);
try
{
    return await new ChatSession(client).AskAsync(prompt, Console.Out, Console.Error, cancel.Token);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
