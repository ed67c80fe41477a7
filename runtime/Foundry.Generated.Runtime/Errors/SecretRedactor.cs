using System;
using System.Text;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Hides a secret (the bearer token) in text a server sent back, before it reaches a message or a log.
/// </summary>
/// <remarks>
/// A secret of <see cref="SubstringMinimum"/> characters or more is replaced wherever it occurs, also inside longer
/// words (a server may echo <c>Bearer abc…</c> or <c>token=abc…</c>). A shorter one (a test token such as <c>t</c>)
/// is replaced only as a whole word, i.e. not next to a letter, digit, <c>-</c> or <c>_</c>: replacing every
/// <c>t</c> would make the message unreadable and hide nothing worth hiding.
/// </remarks>
internal static class SecretRedactor
{
    public const string Mask = "***";

    /// <summary>Length from which a secret is redacted even inside a longer word.</summary>
    public const int SubstringMinimum = 8;

    public static string Redact(string text, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(text) || text.IndexOf(secret, StringComparison.Ordinal) < 0)
        {
            return text;
        }

        if (secret.Length >= SubstringMinimum)
        {
            return text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        var sb = new StringBuilder(text.Length);
        var start = 0;
        for (var at = text.IndexOf(secret, StringComparison.Ordinal); at >= 0; at = text.IndexOf(secret, at + secret.Length, StringComparison.Ordinal))
        {
            var end = at + secret.Length;
            if ((at > 0 && IsWordChar(text[at - 1])) || (end < text.Length && IsWordChar(text[end])))
            {
                continue;
            }

            sb.Append(text, start, at - start).Append(Mask);
            start = end;
        }

        return sb.Append(text, start, text.Length - start).ToString();
    }

    /// <summary>
    /// Like <see cref="Redact"/>, and also hides a secret cut off by the end of <paramref name="text"/> (a preview of
    /// the first bytes of a body may end inside an echoed token): a trailing piece of 4 or more characters that
    /// begins a secret of <see cref="SubstringMinimum"/> or more is masked.
    /// </summary>
    public static string RedactPreview(string text, string? secret)
    {
        text = Redact(text, secret);
        if (string.IsNullOrEmpty(secret) || secret.Length < SubstringMinimum)
        {
            return text;
        }

        for (var length = Math.Min(secret.Length - 1, text.Length); length >= 4; length--)
        {
            if (text.AsSpan(text.Length - length).SequenceEqual(secret.AsSpan(0, length)))
            {
                return text[..^length] + Mask;
            }
        }

        return text;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';
}
