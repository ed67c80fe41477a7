using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Infrastructure;

/// <summary>
/// Hand-rolled snapshot testing: compares text with a checked-in <c>.verified</c> file beside the test's
/// Snapshots folder. On mismatch it writes <c>.received</c> and fails with the first differing line.
/// Only <c>ACCEPT_SNAPSHOTS=1</c>, set by hand, overwrites the verified file (never in CI).
/// </summary>
public static class SnapshotAssert
{
    public static void Matches(string actual, string snapshotName, [CallerFilePath] string callerFile = "")
    {
        // CI builds map the source root to "/_/" (deterministic paths): map it back to the repository.
        if (callerFile.StartsWith("/_/", StringComparison.Ordinal))
        {
            callerFile = Path.Combine(RepoPaths.Root, callerFile.Substring(3));
        }

        var dir = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        var verified = Path.Combine(dir, snapshotName + ".verified.txt");
        var received = Path.Combine(dir, snapshotName + ".received.txt");
        var normalized = actual.Replace("\r\n", "\n");

        var accept = Environment.GetEnvironmentVariable("ACCEPT_SNAPSHOTS") == "1"
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

        if (File.Exists(verified))
        {
            var expected = File.ReadAllText(verified).Replace("\r\n", "\n");
            if (expected == normalized)
            {
                if (File.Exists(received))
                {
                    File.Delete(received);
                }

                return;
            }

            if (!accept)
            {
                Directory.CreateDirectory(dir);
                File.WriteAllText(received, normalized, new UTF8Encoding(false));
                Assert.Fail($"Snapshot '{snapshotName}' differs: {FirstDifference(expected, normalized)}\nReceived: {received}\nAccept by hand with ACCEPT_SNAPSHOTS=1 after reviewing the diff.");
            }
        }
        else if (!accept)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(received, normalized, new UTF8Encoding(false));
            Assert.Fail($"Snapshot '{snapshotName}' has no verified file. Received: {received}\nReview it, then accept with ACCEPT_SNAPSHOTS=1.");
        }

        Directory.CreateDirectory(dir);
        File.WriteAllText(verified, normalized, new UTF8Encoding(false));
        if (File.Exists(received))
        {
            File.Delete(received);
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of file>";
            if (el != al)
            {
                return $"line {i + 1}:\n  expected: {el}\n  actual:   {al}";
            }
        }

        return "(line endings only)";
    }
}
