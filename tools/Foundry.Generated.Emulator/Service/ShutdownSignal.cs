using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Emulator;

/// <summary>
/// SIGTERM or SIGINT, with or without a terminal: <see cref="Console.CancelKeyPress"/> covers only Ctrl+C at a
/// console, while a service manager, <c>timeout</c> or <c>kill</c> sends SIGTERM.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal()
    {
        _registrations = new[]
        {
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
        };
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>Completes when a signal came.</summary>
    public async Task WaitAsync()
    {
        try
        {
            await Task.Delay(Timeout.Infinite, _stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Not the default termination: the program stops the server itself and exits with 0.
        context.Cancel = true;
        _stop.Cancel();
    }
}
