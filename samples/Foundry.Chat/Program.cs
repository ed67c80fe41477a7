using System;
using System.Threading;
using Foundry.Generated;
using Foundry.Generated.Emulator;
using Foundry.Generated.OpenAi;

// dotnet run --project samples/Foundry.Chat -- "Tell me a 10 word story"
// Streams one answer through the typed Responses client. With FOUNDRY_URL and FOUNDRY_TOKEN set it talks to your
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

// The model is a typed id from the catalog: a model that does not work on Responses would not compile here.
var request = new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = prompt };
try
{
    await foreach (var e in client.OpenAiResponses.StreamAsync(request, cancel.Token))
    {
        switch (e)
        {
            case ResponseTextDeltaEvent delta:
                Console.Write(delta.Delta);
                break;
            case ResponseCompletedEvent completed:
                Console.WriteLine();
                Console.Error.WriteLine($"[{request.Model}] {completed.Response.Usage?.OutputTokens} output tokens");
                break;
        }
    }

    return 0;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
catch (FoundryException e)
{
    // One line that names the host, the status or the stream failure; never the token.
    Console.Error.WriteLine("error: " + e.Message);
    return 1;
}
