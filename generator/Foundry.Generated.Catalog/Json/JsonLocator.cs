using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Foundry.Generated.Catalog.Json;

/// <summary>
/// Maps JSON pointers (<c>/components/schemas/Foo/properties/bar</c>) and parse errors to line and column,
/// so spec and catalog problems can be reported at their place in the file.
/// </summary>
public static class JsonLocator
{
    /// <summary>
    /// Finds the value at <paramref name="pointer"/> (RFC 6901; a leading <c>#</c> is allowed). When the full path
    /// does not exist, returns the position of its deepest existing ancestor, so the report still lands nearby.
    /// </summary>
    public static TextPosition Locate(string text, string pointer)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var target = ParsePointer(pointer);
        var bytes = Encoding.UTF8.GetBytes(text);
        var best = TextPosition.Start;
        var bestDepth = -1;
        var path = new List<string>();
        var arrayIndex = new List<int>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        string? pendingName = null;

        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        if (path.Count > 0)
                        {
                            path.RemoveAt(path.Count - 1);
                            arrayIndex.RemoveAt(arrayIndex.Count - 1);
                        }
                        continue;
                }

                // A value starts here: work out its path segment.
                string? segment = null;
                if (pendingName != null)
                {
                    segment = pendingName;
                    pendingName = null;
                }
                else if (arrayIndex.Count > 0 && arrayIndex[arrayIndex.Count - 1] >= 0)
                {
                    var i = arrayIndex[arrayIndex.Count - 1];
                    segment = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    arrayIndex[arrayIndex.Count - 1] = i + 1;
                }

                // path holds the root container's empty segment first, so a value's depth is path.Count.
                var depth = segment is null ? 0 : path.Count;
                if (Matches(path, segment, target) && depth > bestDepth)
                {
                    bestDepth = depth;
                    best = ToPosition(bytes, (int)reader.TokenStartIndex, ValueLength(ref reader));
                    if (depth == target.Count)
                    {
                        return best;
                    }
                }

                if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
                {
                    path.Add(segment ?? string.Empty);
                    arrayIndex.Add(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                }
            }
        }
        catch (JsonException)
        {
            // Broken JSON: the best ancestor found so far is the answer.
        }

        return best;
    }

    /// <summary>Position of the first syntax error, or null when the text is valid JSON.</summary>
    public static (TextPosition Position, string Message)? FindSyntaxError(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text ?? string.Empty);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            while (reader.Read())
            {
            }

            if (reader.BytesConsumed == 0)
            {
                return (TextPosition.Start, "The file is empty.");
            }

            return null;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            var offset = OffsetOf(text ?? string.Empty, line, column);
            return (new TextPosition(line, column, offset, 1), StripPosition(e.Message));
        }
    }

    /// <summary>Position of a 0-based UTF-8 byte offset.</summary>
    public static TextPosition FromByteOffset(byte[] utf8, int byteOffset, int byteLength)
        => ToPosition(utf8, byteOffset, byteLength);

    private static bool Matches(List<string> path, string? segment, List<string> target)
    {
        if (segment is null)
        {
            // Only the root value has no segment.
            return path.Count == 0;
        }

        // The value's pointer is path[1..] + segment; it matches when that is a prefix of the target.
        if (path.Count > target.Count)
        {
            return false;
        }

        for (var i = 1; i < path.Count; i++)
        {
            if (!string.Equals(path[i], target[i - 1], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return string.Equals(segment, target[path.Count - 1], StringComparison.Ordinal);
    }

    private static int ValueLength(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
        {
            return 1;
        }

        return reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length + (reader.TokenType == JsonTokenType.String ? 2 : 0);
    }

    private static List<string> ParsePointer(string pointer)
    {
        var p = pointer ?? string.Empty;
        if (p.StartsWith("#", StringComparison.Ordinal))
        {
            p = Uri.UnescapeDataString(p.Substring(1));
        }

        var segments = new List<string>();
        if (p.Length == 0)
        {
            return segments;
        }

        foreach (var raw in p.TrimStart('/').Split('/'))
        {
            segments.Add(JsonPointer.Unescape(raw));
        }

        return segments;
    }

    private static TextPosition ToPosition(byte[] utf8, int byteOffset, int byteLength)
    {
        var line = 1;
        var lineStartChar = 0;
        var charIndex = 0;
        for (var i = 0; i < byteOffset && i < utf8.Length; i++)
        {
            var b = utf8[i];
            if ((b & 0xC0) != 0x80)
            {
                // Start of a code point; 4-byte sequences are two UTF-16 chars.
                charIndex += b >= 0xF0 ? 2 : 1;
            }

            if (b == (byte)'\n')
            {
                line++;
                lineStartChar = charIndex;
            }
        }

        return new TextPosition(line, charIndex - lineStartChar + 1, charIndex, Math.Max(byteLength, 1));
    }

    private static int OffsetOf(string text, int line, int column)
    {
        var current = 1;
        var i = 0;
        while (current < line && i < text.Length)
        {
            if (text[i] == '\n')
            {
                current++;
            }

            i++;
        }

        return Math.Min(text.Length, i + Math.Max(0, column - 1));
    }

    private static string StripPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at > 0 ? message.Substring(0, at).TrimEnd('.', ' ') + "." : message;
    }
}
