using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Foundry.Generated.Generator.Emit;

/// <summary>
/// XML doc comments from upstream <c>description</c> text (Markdown, any length, any characters): escaped for XML,
/// links <c>[text](url)</c> as <c>text (url)</c>, <c>`code`</c> as <c>&lt;c&gt;</c>, <c>**bold**</c> as plain text,
/// paragraphs as <c>&lt;para&gt;</c>, list and indented lines kept on lines of their own (<c>&lt;br/&gt;</c>), fenced
/// blocks as <c>&lt;code&gt;</c>. Characters XML or a <c>///</c> line cannot hold (control characters, lone surrogates,
/// U+FFFE/U+FFFF) are dropped; other line separators (NEL, U+2028, U+2029) become line breaks.
/// </summary>
internal static class DocComments
{
    private static readonly Regex Link = new Regex(@"\[([^\[\]\n]+)\]\(([^()\s]+)\)", RegexOptions.CultureInvariant);
    private static readonly Regex Bold = new Regex(@"\*\*([^*\n]+)\*\*", RegexOptions.CultureInvariant);
    private static readonly Regex ListItem = new Regex(@"^\s*([-*+•]|\d+[.)])\s+", RegexOptions.CultureInvariant);

    /// <summary>Writes <c>&lt;tag&gt;</c> with <paramref name="text"/> (already XML) on one line, or on several.</summary>
    public static void Element(SourceWriter w, string tag, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        if (lines.Count == 1)
        {
            w.Line("/// <" + tag + ">" + lines[0] + "</" + tag.Split(' ')[0] + ">");
            return;
        }

        w.Line("/// <" + tag + ">");
        foreach (var line in lines)
        {
            w.Line(line.Length == 0 ? "///" : "/// " + line);
        }

        w.Line("/// </" + tag.Split(' ')[0] + ">");
    }

    /// <summary>Upstream text as XML doc lines (empty when there is no text).</summary>
    public static List<string> Lines(string? markdown)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return result;
        }

        var paragraphs = Paragraphs(Clean(markdown!));
        foreach (var paragraph in paragraphs)
        {
            var rendered = Render(paragraph);
            if (paragraphs.Count > 1 && !paragraph.IsCode)
            {
                rendered[0] = "<para>" + rendered[0];
                rendered[rendered.Count - 1] += "</para>";
            }

            result.AddRange(rendered);
        }

        return result;
    }

    /// <summary>Text for XML: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> escaped; characters XML cannot hold dropped.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in Clean(text))
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '\n': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    private sealed class Paragraph
    {
        public List<string> Lines { get; } = new List<string>();

        public bool IsCode { get; set; }
    }

    /// <summary>Line breaks normalised to \n; characters an XML comment line cannot hold removed.</summary>
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[++i]);
                }

                continue;
            }

            if (char.IsLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
            {
                continue;
            }

            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                sb.Append('\n');
            }
            else if (c == '\t')
            {
                sb.Append("    ");
            }
            else if (c >= ' ' && !(c >= '\u007F' && c <= '\u009F'))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static List<Paragraph> Paragraphs(string text)
    {
        var paragraphs = new List<Paragraph>();
        Paragraph? current = null;
        var inFence = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                current = inFence ? new Paragraph { IsCode = true } : null;
                if (inFence)
                {
                    paragraphs.Add(current!);
                }

                continue;
            }

            if (inFence)
            {
                current!.Lines.Add(line);
                continue;
            }

            if (line.Trim().Length == 0)
            {
                current = null;
                continue;
            }

            if (current == null)
            {
                current = new Paragraph();
                paragraphs.Add(current);
            }

            current.Lines.Add(line);
        }

        paragraphs.RemoveAll(p => p.Lines.Count == 0);
        return paragraphs;
    }

    private static List<string> Render(Paragraph paragraph)
    {
        var lines = new List<string>();
        if (paragraph.IsCode)
        {
            lines.Add("<code>");
            foreach (var line in paragraph.Lines)
            {
                lines.Add(Escape(line));
            }

            lines.Add("</code>");
            return lines;
        }

        var indent = int.MaxValue;
        foreach (var line in paragraph.Lines)
        {
            indent = Math.Min(indent, line.Length - line.TrimStart().Length);
        }

        for (var i = 0; i < paragraph.Lines.Count; i++)
        {
            var line = paragraph.Lines[i];
            var text = Inline(line.Substring(Math.Min(indent, line.Length)).TrimStart());
            // A list item, or a line indented more than the paragraph, starts a line of its own when rendered.
            if (i + 1 < paragraph.Lines.Count && StartsOwnLine(paragraph.Lines[i + 1], indent))
            {
                text += "<br/>";
            }

            lines.Add(text);
        }

        return lines;
    }

    private static bool StartsOwnLine(string line, int indent)
        => ListItem.IsMatch(line) || line.Length - line.TrimStart().Length > indent;

    /// <summary>One line of Markdown as XML: links readable, code spans <c>&lt;c&gt;</c>, the rest escaped.</summary>
    private static string Inline(string line)
    {
        line = Link.Replace(line, m => m.Groups[1].Value == m.Groups[2].Value ? m.Groups[2].Value : m.Groups[1].Value + " (" + m.Groups[2].Value + ")");
        line = Bold.Replace(line, "$1");
        var parts = line.Split('`');
        var sb = new StringBuilder(line.Length + 16);
        for (var i = 0; i < parts.Length; i++)
        {
            // Odd parts are inside backticks, when the backtick that closes them exists.
            if (i % 2 == 1 && i < parts.Length - 1)
            {
                sb.Append("<c>").Append(Escape(parts[i])).Append("</c>");
            }
            else
            {
                if (i % 2 == 1)
                {
                    sb.Append('`');
                }

                sb.Append(Escape(parts[i]));
            }
        }

        return sb.ToString();
    }
}
