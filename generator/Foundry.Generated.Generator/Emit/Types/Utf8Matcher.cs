using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Foundry.Generated.Generator.Emit.Types;

/// <summary>
/// A generated method mapping UTF-8 text (a property name, a discriminator) to an index: it switches on the length
/// first, so most texts are compared with one candidate or none, and compares bytes with <c>SequenceEqual</c>.
/// </summary>
internal static class Utf8Matcher
{
    /// <summary>The entries a matcher can return: for a text listed twice, the first one's index.</summary>
    public static List<(string Text, int Index)> Distinct(IEnumerable<(string Text, int Index)> entries)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        return entries.Where(e => seen.Add(e.Text)).ToList();
    }

    public static void Emit(SourceWriter w, string methodName, string summary, IEnumerable<(string Text, int Index)> entries)
    {
        w.Line($"/// <summary>{summary}</summary>");
        using (w.Block($"private static int {methodName}(global::System.ReadOnlySpan<byte> text)"))
        {
            using (w.Block("switch (text.Length)"))
            {
                foreach (var bucket in Distinct(entries).GroupBy(e => Encoding.UTF8.GetByteCount(e.Text)).OrderBy(g => g.Key))
                {
                    w.Line($"case {bucket.Key}:");
                    w.Indent();
                    foreach (var (text, index) in bucket)
                    {
                        w.Line($"if (global::System.MemoryExtensions.SequenceEqual(text, {JsonCode.Utf8(text)})) return {index};");
                    }

                    w.Line("break;");
                    w.Unindent();
                }
            }

            w.Line("return -1;");
        }
    }
}
