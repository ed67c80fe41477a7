using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Sync;

namespace Foundry.Generated.Spec.Reading;

/// <summary>
/// Parses JSON text into a <see cref="JsonNode"/> tree and records where every node starts (its line and column in
/// this file). Strict JSON: no comments, no trailing commas, no duplicate keys. Numbers keep their text.
/// </summary>
public static class JsonSourceReader
{
    public static JsonNode? Parse(string sourceName, string text, SourceMap map)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineIndex(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 1024 });
        var containers = new Stack<JsonNode>();
        JsonNode? root = null;
        var hasRoot = false;
        string? name = null;
        var namePosition = default(SourcePosition);
        try
        {
            while (reader.Read())
            {
                var position = lines.Position(reader.TokenStartIndex);
                JsonNode? node;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        name = reader.GetString();
                        namePosition = position;
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        containers.Pop();
                        continue;
                    case JsonTokenType.StartObject:
                        node = new JsonObject();
                        break;
                    case JsonTokenType.StartArray:
                        node = new JsonArray();
                        break;
                    case JsonTokenType.String:
                        node = JsonValue.Create(reader.GetString());
                        break;
                    case JsonTokenType.Number:
                        node = JsonValue.Create(JsonElement.ParseValue(ref reader));
                        break;
                    case JsonTokenType.True:
                        node = JsonValue.Create(true);
                        break;
                    case JsonTokenType.False:
                        node = JsonValue.Create(false);
                        break;
                    default:
                        node = null;
                        break;
                }

                if (node != null)
                {
                    map.Add(node, position);
                }

                if (containers.Count == 0)
                {
                    root = node;
                    hasRoot = true;
                }
                else if (containers.Peek() is JsonObject obj)
                {
                    if (obj.ContainsKey(name!))
                    {
                        throw new SpecSyncException($"{sourceName}:{namePosition}: not valid JSON: duplicate key '{name}'");
                    }

                    obj.Add(name!, node);
                }
                else
                {
                    ((JsonArray)containers.Peek()).Add(node);
                }

                if (node is JsonObject || node is JsonArray)
                {
                    containers.Push(node);
                }
            }
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0);
            var column = lines.Column(line, (int)(e.BytePositionInLine ?? 0));
            throw new SpecSyncException($"{sourceName}:{line + 1}:{column}: not valid JSON: {WithoutLocation(e.Message)}");
        }

        if (!hasRoot)
        {
            throw new SpecSyncException($"{sourceName}:1:1: not valid JSON: the file is empty");
        }

        return root;
    }

    // System.Text.Json appends "LineNumber: 3 | BytePositionInLine: 7." (and sometimes a path); the caller prints its own.
    private static string WithoutLocation(string message)
    {
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var i = message.IndexOf(marker, StringComparison.Ordinal);
            if (i > 0)
            {
                message = message.Substring(0, i);
            }
        }

        return message.TrimEnd();
    }

    /// <summary>Byte offsets of line starts; columns count characters (UTF-8 lead bytes), 1-based.</summary>
    private sealed class LineIndex
    {
        private readonly byte[] _bytes;
        private readonly List<int> _starts = new List<int> { 0 };

        public LineIndex(byte[] bytes)
        {
            _bytes = bytes;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public SourcePosition Position(long offset)
        {
            var index = _starts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            return new SourcePosition(line + 1, Column(line, (int)offset - _starts[line]));
        }

        /// <summary>1-based character column of a 0-based byte position in a 0-based line.</summary>
        public int Column(int line, int bytePosition)
        {
            if (line < 0 || line >= _starts.Count)
            {
                return bytePosition + 1;
            }

            var start = _starts[line];
            var column = 1;
            for (var i = start; i < start + bytePosition && i < _bytes.Length; i++)
            {
                if ((_bytes[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            return column + Math.Max(0, start + bytePosition - _bytes.Length);
        }
    }
}
