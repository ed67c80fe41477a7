using System;
using System.IO;

namespace Foundry.Generated.Cli.Probe;

/// <summary>
/// The probe's progress on standard error: a <c>[n/total] model on route: outcome</c> line per finished probe, and, on a
/// terminal only, one status line under them that updates in place (<c>probed 12/118 …</c>). Redirected output gets
/// only the per-probe lines, so logs and tests read the same as ever.
/// </summary>
internal sealed class ProbeProgress(TextWriter error, bool live)
{
    /// <summary>ANSI: back to the start of the line and erase it.</summary>
    private const string EraseLine = "\r\u001b[K";

    private readonly object _gate = new();

    /// <summary>True when <paramref name="error"/> is the process's standard error and that is a terminal.</summary>
    public static bool IsTerminal(TextWriter error) => ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    public void Finished(int done, int total, string line)
    {
        lock (_gate)
        {
            if (live)
            {
                error.Write(EraseLine);
            }

            error.WriteLine($"[{done}/{total}] {line}");
            if (live)
            {
                error.Write($"probed {done}/{total} …");
                error.Flush();
            }
        }
    }

    /// <summary>Removes the status line before the report is printed.</summary>
    public void Clear()
    {
        if (live)
        {
            lock (_gate)
            {
                error.Write(EraseLine);
                error.Flush();
            }
        }
    }
}
