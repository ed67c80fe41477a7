using Foundry.Chat;
using Foundry.Generated;
using Foundry.Generated.Testing;

// dotnet run --project samples/Foundry.Chat -- "Tell me a 10 word story"
// With FOUNDRY_URL and FOUNDRY_TOKEN set it talks to your Foundry; without, to a fake Foundry proxy on 127.0.0.1 in this
// process. Every route and option: `foundry-llm chat --help`.
var prompt = args.Length > 0 ? string.Join(' ', args) : "Tell me a 10 word story";

// Ctrl+C cancels the stream (and closes its connection) instead of killing the process mid-write.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

var options = new FoundryClientOptions(); // BaseUrl and Token default to FOUNDRY_URL and FOUNDRY_TOKEN.
await using var emulator = Environment.GetEnvironmentVariable(FoundryClientOptions.UrlVariable) is { Length: > 0 } ? null : await new FakeFoundry().StartLoopbackAsync(cancel.Token);
if (emulator is not null)
{
    (options.BaseUrl, options.Token) = (emulator.BaseAddress, emulator.Token);
    Console.Error.WriteLine($"FOUNDRY_URL is not set: streaming from the embedded Foundry proxy emulator at {emulator.BaseAddress}");
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
