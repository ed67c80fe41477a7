using System;
using System.IO;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Infrastructure;

public sealed class SnapshotAssertTests
{
    [Fact]
    public void Mismatch_fails_and_writes_received_file()
    {
        var dir = Path.Combine(Path.GetTempPath(), "fdry-snap-" + Guid.NewGuid().ToString("N"));
        var caller = Path.Combine(dir, "Caller.cs");
        Directory.CreateDirectory(Path.Combine(dir, "Snapshots"));
        File.WriteAllText(Path.Combine(dir, "Snapshots", "case.verified.txt"), "line one\nline two\n");

        var error = Assert.ThrowsAny<Exception>(() => SnapshotAssert.Matches("line one\nline 2\n", "case", caller));

        Assert.Contains("line 2", error.Message);
        Assert.Equal("line one\nline 2\n", File.ReadAllText(Path.Combine(dir, "Snapshots", "case.received.txt")));
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Match_passes_and_ignores_line_ending_style()
    {
        var dir = Path.Combine(Path.GetTempPath(), "fdry-snap-" + Guid.NewGuid().ToString("N"));
        var caller = Path.Combine(dir, "Caller.cs");
        Directory.CreateDirectory(Path.Combine(dir, "Snapshots"));
        File.WriteAllText(Path.Combine(dir, "Snapshots", "case.verified.txt"), "a\nb\n");

        SnapshotAssert.Matches("a\r\nb\r\n", "case", caller);

        Assert.False(File.Exists(Path.Combine(dir, "Snapshots", "case.received.txt")));
        Directory.Delete(dir, recursive: true);
    }
}
