using System;
using System.Threading;
using Foundry.Generated.Emulator;

// dotnet run --project runtime/Foundry.Generated.Emulator -- [--port 5055] [--token TOKEN]
var options = new EmulatorOptions { Port = 5055 };
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--port")
    {
        options.Port = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--token")
    {
        options.Token = args[++i];
    }
}

await using var emulator = await FoundryProxyEmulator.StartAsync(options);
Console.WriteLine($"Foundry proxy emulator: FOUNDRY_URL={emulator.BaseUrl} FOUNDRY_TOKEN={emulator.Token} (Ctrl+C stops)");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
try
{
    await System.Threading.Tasks.Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
