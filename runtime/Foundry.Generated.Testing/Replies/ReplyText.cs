using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Foundry.Generated.Testing;

/// <summary>Deterministic replies: the same prompt always gives the same words.</summary>
internal static class ReplyText
{
    private static readonly string[] Subjects = { "A lighthouse keeper", "The last robot", "A curious fox", "An old map", "The night train", "A quiet river", "A lost letter", "The clockmaker" };
    private static readonly string[] Verbs = { "found", "followed", "remembered", "carried", "painted", "whispered to", "waited for", "built" };
    private static readonly string[] Objects = { "a star", "the morning tide", "a forgotten song", "the northern lights", "a paper boat", "an open door", "the first snow", "a golden key" };
    private static readonly string[] Fillers = { "and", "then", "quietly", "home", "again", "forever", "together", "at", "dawn", "under", "the", "moon" };

    /// <summary>Words of the reply; "N word(s)" in the prompt asks for N words, otherwise about a dozen.</summary>
    public static IReadOnlyList<string> Words(string prompt, int? maxWords)
    {
        var match = Regex.Match(prompt, @"\b(\d{1,3})[ -]word", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var count = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 12;
        count = Math.Clamp(Math.Min(count, maxWords ?? int.MaxValue), 1, 200);
        var seed = Seed(prompt);
        var words = new List<string>();
        words.AddRange(Subjects[seed % (uint)Subjects.Length].Split(' '));
        words.AddRange(Verbs[(seed / 7) % (uint)Verbs.Length].Split(' '));
        words.AddRange(Objects[(seed / 49) % (uint)Objects.Length].Split(' '));
        var i = 0u;
        while (words.Count < count)
        {
            words.Add(Fillers[(seed + i++) % (uint)Fillers.Length]);
        }

        if (words.Count > count)
        {
            words.RemoveRange(count, words.Count - count);
        }

        words[words.Count - 1] = words[words.Count - 1] + ".";
        return words;
    }

    /// <summary>The answer after a tool ran: it quotes the tool's result, so a test sees the round trip.</summary>
    public static IReadOnlyList<string> ToolAnswer(string toolResult)
        => ("The tool said: " + toolResult).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The reply split into stream deltas (one word each, with its leading space).</summary>
    public static IReadOnlyList<string> Deltas(IReadOnlyList<string> words)
    {
        var deltas = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            deltas.Add(i == 0 ? words[i] : " " + words[i]);
        }

        return deltas;
    }

    public static int TokenCount(string text) => Math.Max(1, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

    // FNV-1a: stable across processes and runtimes (string.GetHashCode is randomised).
    private static uint Seed(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
