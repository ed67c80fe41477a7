using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Foundry.Generated.Cli.Tests;

/// <summary>
/// The built emulator program (copied beside the tests by the project reference) as a child process with its standard
/// streams redirected, so it runs without a terminal, as under a service manager or <c>timeout</c>.
/// </summary>
internal sealed partial class EmulatorProcess : IDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process)
    {
        _process = process;
    }

    public int ExitCode => _process.ExitCode;

    public static EmulatorProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Foundry.Generated.Emulator.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new EmulatorProcess(Process.Start(start)!);
    }

    /// <summary>The URL and token of the line the emulator prints once it listens.</summary>
    public async Task<(Uri Url, string Token)> ReadAddressAsync(TimeSpan timeout)
    {
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(timeout) ?? throw new InvalidOperationException("The emulator ended without printing its address: " + await _process.StandardError.ReadToEndAsync());
        var match = AddressLine().Match(line);
        return match.Success ? (new Uri(match.Groups["url"].Value), match.Groups["token"].Value) : throw new InvalidOperationException("Unexpected first line: " + line);
    }

    public Task<string> ReadErrorAsync() => _process.StandardError.ReadToEndAsync();

    /// <summary>True when the process ended within <paramref name="timeout"/>.</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Sends a POSIX signal (<see cref="Process.Kill()"/> would be SIGKILL, which no program can handle).</summary>
    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"FOUNDRY_URL=(?<url>\S+) FOUNDRY_TOKEN=(?<token>\S+)")]
    private static partial Regex AddressLine();
}
