using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using Foundry.Generated.Emulator;

// dotnet run --project tools/Foundry.Generated.Emulator -- [--port 5055] [--token TOKEN]
EmulatorOptions options;
try
{
    options = EmulatorCommandLine.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}

// Registered before the server starts, so a signal during start-up stops it too.
using var signal = new ShutdownSignal();
FoundryProxyEmulator emulator;
try
{
    emulator = await FoundryProxyEmulator.StartAsync(options, signal.Token);
}
catch (Exception e) when (e is IOException or SocketException)
{
    Console.Error.WriteLine(EmulatorCommandLine.ListenError(options.Port, e));
    return 1;
}
catch (OperationCanceledException) when (signal.Token.IsCancellationRequested)
{
    return 0;
}

await using (emulator)
{
    // BaseUrl carries the bound port, so --port 0 prints the one it got.
    Console.WriteLine($"Foundry proxy emulator: FOUNDRY_URL={emulator.BaseUrl} FOUNDRY_TOKEN={emulator.Token} (Ctrl+C or SIGTERM stops)");
    await signal.WaitAsync();

    // Streams still open get a moment to finish; the process is gone well within a second either way.
    using var grace = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
    await emulator.StopAsync(grace.Token);
}

return 0;
