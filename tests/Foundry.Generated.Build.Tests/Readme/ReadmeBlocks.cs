using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Foundry.Generated.Build.Tests.Readme;

/// <summary>One fenced block of README.md: its language, text and the line its fence opens on.</summary>
internal sealed record ReadmeBlock(string Language, string Text, int Line)
{
    public override string ToString() => $"README.md line {Line} ({Language})";
}

/// <summary>README.md's fenced blocks, read from the file itself (never a copy), in order.</summary>
internal static class ReadmeBlocks
{
    public static string ReadmePath => Path.Combine(PackageFeed.RepoRoot, "README.md");

    public static IReadOnlyList<ReadmeBlock> All() => Parse(File.ReadAllLines(ReadmePath));

    public static IReadOnlyList<ReadmeBlock> Parse(IReadOnlyList<string> lines)
    {
        var blocks = new List<ReadmeBlock>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var language = lines[i][3..].Trim();
            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Count && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                body.Add(lines[i]);
            }

            blocks.Add(new ReadmeBlock(language, string.Join('\n', body) + "\n", start + 1));
        }

        return blocks;
    }

    public static ReadmeBlock Single(string language, string marker)
    {
        var found = All().Where(b => b.Language == language && b.Text.Contains(marker, StringComparison.Ordinal)).ToList();
        return found.Count == 1
            ? found[0]
            : throw new InvalidOperationException($"README.md has {found.Count} {language} blocks containing '{marker}' (expected one).");
    }
}
