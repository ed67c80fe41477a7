using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Foundry.Generated.Spec.Reading;
using Foundry.Generated.Spec.Sync;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Foundry.Generated.SpecSync;

/// <summary>
/// Parses a YAML document straight into a <see cref="JsonNode"/> tree (no OpenAPI object model in between) and records
/// the YAML line and column of every node. Scalars are typed by the YAML 1.2 core schema: quoted and block scalars
/// are strings; plain <c>true</c>/<c>false</c>, <c>null</c>/<c>~</c>/empty and numbers are JSON literals; anything
/// else (dates, <c>yes</c>, <c>on</c>...) is a string. Mapping keys are always strings (<c>200:</c> is "200").
/// Anchors and aliases are expanded; merge keys (<c>&lt;&lt;</c>, YAML 1.1 only), non-scalar keys, duplicate keys,
/// several documents and values JSON cannot hold (<c>.inf</c>, <c>.nan</c>) are errors at their line.
/// </summary>
internal static class YamlSourceReader
{
    private const string CoreTag = "tag:yaml.org,2002:";

    private static readonly Regex Null = new Regex(@"^(~|null|Null|NULL|)\z", RegexOptions.CultureInvariant);
    private static readonly Regex True = new Regex(@"^(true|True|TRUE)\z", RegexOptions.CultureInvariant);
    private static readonly Regex False = new Regex(@"^(false|False|FALSE)\z", RegexOptions.CultureInvariant);
    private static readonly Regex Decimal = new Regex(@"^[-+]?[0-9]+\z", RegexOptions.CultureInvariant);
    private static readonly Regex Octal = new Regex(@"^0o[0-7]+\z", RegexOptions.CultureInvariant);
    private static readonly Regex Hex = new Regex(@"^0x[0-9a-fA-F]+\z", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new Regex(@"^([-+]?)(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant);
    private static readonly Regex Special = new Regex(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))\z", RegexOptions.CultureInvariant);

    public static JsonNode? Parse(string sourceName, string text, SourceMap map)
    {
        for (var attempt = 0; ; attempt++)
        {
            var reader = new Reader(sourceName, map);
            try
            {
                return reader.Document(new Parser(new StringReader(text)));
            }
            catch (YamlException e) when (attempt < 100 && BlankBlockScalar.TryFix(ref text, e))
            {
                map.Clear();
            }
            catch (YamlException e)
            {
                throw new SpecSyncException($"{sourceName}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {WithoutLocation(e)}");
            }
            catch (InvalidOperationException e)
            {
                // YamlDotNet fails some malformed flow collections this way, without a position: report the last node read.
                throw new SpecSyncException($"{sourceName}:{reader.Last.Line}:{reader.Last.Column}: not valid YAML after this point ({e.Message})");
            }
        }
    }

    // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 6, Idx: 21): "; the caller prints its own location.
    private static string WithoutLocation(YamlException e)
    {
        var message = e.Message;
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && i > 0 ? message.Substring(i + 3) : message;
    }

    private sealed class Reader
    {
        private readonly string _source;
        private readonly SourceMap _map;
        private readonly Dictionary<string, JsonNode?> _anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);

        public Mark Last { get; private set; } = Mark.Empty;

        public Reader(string source, SourceMap map)
        {
            _source = source;
            _map = map;
        }

        public JsonNode? Document(IParser parser)
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out var end))
            {
                throw Error(end.Start, "the file holds no YAML document");
            }

            parser.Consume<DocumentStart>();
            var root = Node(parser);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _) && parser.Current is { } next)
            {
                throw Error(next.Start, "the file holds more than one YAML document");
            }

            return root;
        }

        private JsonNode? Node(IParser parser)
        {
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw Error(alias.Start, $"alias '*{alias.Value.Value}' names no anchor defined before it");
                }

                var copy = target?.DeepClone();
                Record(copy, alias.Start);
                return copy;
            }

            if (parser.TryConsume<Scalar>(out var scalar))
            {
                var value = ScalarValue(scalar);
                Record(value, scalar.Start);
                Anchor(scalar, value);
                return value;
            }

            if (parser.TryConsume<MappingStart>(out var mappingStart))
            {
                CheckCollectionTag(mappingStart, "map");
                var obj = new JsonObject();
                Record(obj, mappingStart.Start);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var (key, keyStart) = Key(parser);
                    var value = Node(parser);
                    if (obj.ContainsKey(key))
                    {
                        throw Error(keyStart, $"duplicate key '{key}'");
                    }

                    obj.Add(key, value);
                }

                Anchor(mappingStart, obj);
                return obj;
            }

            if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                CheckCollectionTag(sequenceStart, "seq");
                var array = new JsonArray();
                Record(array, sequenceStart.Start);
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    array.Add(Node(parser));
                }

                Anchor(sequenceStart, array);
                return array;
            }

            var current = parser.Current!;
            throw Error(current.Start, $"unexpected YAML event {current.GetType().Name}");
        }

        private (string Key, Mark Start) Key(IParser parser)
        {
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                if (scalar.Value == "<<" && scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty)
                {
                    throw Error(scalar.Start, "merge keys ('<<') are YAML 1.1, not YAML 1.2; write the keys out");
                }

                // Keys are names: always strings, whatever they look like ("200", "true", "null").
                Anchor(scalar, JsonValue.Create(scalar.Value));
                return (scalar.Value, scalar.Start);
            }

            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (_anchors.TryGetValue(alias.Value.Value, out var target) && target is JsonValue v && v.GetValueKind() != JsonValueKind.Null)
                {
                    return (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString(), alias.Start);
                }

                throw Error(alias.Start, $"alias '*{alias.Value.Value}' used as a key does not name a scalar");
            }

            throw Error(parser.Current!.Start, "mapping keys must be scalars (JSON object keys are strings)");
        }

        private void Anchor(NodeEvent node, JsonNode? value)
        {
            if (!node.Anchor.IsEmpty)
            {
                _anchors[node.Anchor.Value] = value;
            }
        }

        private void Record(JsonNode? node, Mark start)
        {
            Last = start;
            if (node != null)
            {
                _map.Add(node, new SourcePosition((int)start.Line, (int)start.Column));
            }
        }

        private void CheckCollectionTag(NodeEvent node, string expected)
        {
            if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific && node.Tag.Value != CoreTag + expected)
            {
                throw Error(node.Start, $"unsupported tag '{node.Tag.Value}' on a {(expected == "map" ? "mapping" : "sequence")}");
            }
        }

        private JsonNode? ScalarValue(Scalar scalar)
        {
            var text = scalar.Value;
            if (!scalar.Tag.IsEmpty)
            {
                // '!' (non-specific) makes any scalar a string; '!!str' too. '!!int' etc. ask for that type.
                if (scalar.Tag.IsNonSpecific)
                {
                    return JsonValue.Create(text);
                }

                switch (scalar.Tag.Value)
                {
                    case CoreTag + "str":
                        return JsonValue.Create(text);
                    case CoreTag + "null":
                        return Null.IsMatch(text) ? null : throw Error(scalar.Start, $"'{text}' is not a valid !!null");
                    case CoreTag + "bool":
                    case CoreTag + "int":
                    case CoreTag + "float":
                        return Typed(scalar, scalar.Tag.Value.Substring(CoreTag.Length)) ?? throw Error(scalar.Start, $"'{text}' is not a valid !!{scalar.Tag.Value.Substring(CoreTag.Length)}");
                    default:
                        throw Error(scalar.Start, $"unsupported tag '{scalar.Tag.Value}'");
                }
            }

            if (scalar.Style != ScalarStyle.Plain)
            {
                return JsonValue.Create(text);
            }

            if (Null.IsMatch(text))
            {
                return null;
            }

            return Typed(scalar, null) ?? JsonValue.Create(text);
        }

        /// <summary>The core-schema bool or number a plain scalar spells (else the string itself); with a tag, that type or null.</summary>
        private JsonNode? Typed(Scalar scalar, string? tag)
        {
            var text = scalar.Value;
            if (tag == null || tag == "bool")
            {
                if (True.IsMatch(text))
                {
                    return JsonValue.Create(true);
                }

                if (False.IsMatch(text))
                {
                    return JsonValue.Create(false);
                }
            }

            if (tag == null || tag == "int" || tag == "float")
            {
                if (Decimal.IsMatch(text))
                {
                    return Number(BigInteger.Parse(text.TrimStart('+'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                }

                if (Octal.IsMatch(text))
                {
                    var value = BigInteger.Zero;
                    foreach (var c in text.Substring(2))
                    {
                        value = (value * 8) + (c - '0');
                    }

                    return Number(value.ToString(CultureInfo.InvariantCulture));
                }

                if (Hex.IsMatch(text))
                {
                    return Number(BigInteger.Parse("0" + text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                }
            }

            if (tag == null || tag == "float")
            {
                var match = Float.Match(text);
                if (match.Success)
                {
                    return Number(JsonFloat(match));
                }

                if (Special.IsMatch(text))
                {
                    throw Error(scalar.Start, $"'{text}' (infinity or NaN) cannot be written in JSON");
                }
            }

            return tag == null ? JsonValue.Create(text) : null;
        }

        private SpecSyncException Error(Mark at, string message) => new SpecSyncException($"{_source}:{at.Line}:{at.Column}: not valid YAML for JSON: {message}");
    }

    /// <summary>
    /// YamlDotNet rejects a block scalar whose content is only blank lines longer than the parent's indentation
    /// (OpenAI's <c>example: |+</c> followed by a line of 12 spaces, which YAML 1.2 §8.1.1.1 reads as "\n": with no
    /// non-empty line the content indentation is the longest line's). For exactly that case the header gets an
    /// explicit indentation indicator (<c>|+2</c>) and the text is parsed again; lines and columns do not move.
    /// </summary>
    internal static class BlankBlockScalar
    {
        private static readonly Regex Header = new Regex(@"^(?<indent> *)(?<key>[^ #'""\-][^#]*?:[ \t]+)(?<style>[|>])(?<chomp>[+-]?)[ \t]*(#.*)?\z", RegexOptions.CultureInvariant);

        public static bool TryFix(ref string text, YamlException e)
        {
            if (e.Message.IndexOf("extra spaces in first line", StringComparison.Ordinal) < 0)
            {
                return false;
            }

            var lines = text.Split('\n');
            var errorLine = (int)e.Start.Line - 1;
            var header = errorLine - 1;
            while (header >= 0 && header < lines.Length && lines[header].Trim().Length == 0)
            {
                header--;
            }

            if (header < 0 || header >= lines.Length || Header.Match(lines[header].TrimEnd('\r')) is not { Success: true } match)
            {
                return false;
            }

            // Blank lines from the header to the first non-blank one, which must end the scalar (not more indented).
            var parent = match.Groups["indent"].Length;
            var longest = 0;
            var next = header + 1;
            for (; next < lines.Length && lines[next].Trim().Length == 0; next++)
            {
                longest = Math.Max(longest, lines[next].TrimEnd('\r').Length);
            }

            var nextIndent = next < lines.Length ? lines[next].Length - lines[next].TrimStart(' ').Length : 0;
            var indicator = longest - parent;
            if (next == header + 1 || nextIndent > parent || indicator < 1 || indicator > 9)
            {
                return false;
            }

            var at = match.Groups["style"].Index + 1;
            lines[header] = lines[header].Substring(0, at) + indicator.ToString(CultureInfo.InvariantCulture) + lines[header].Substring(at);
            text = string.Join("\n", lines);
            return true;
        }
    }

    /// <summary>A YAML 1.2 float in JSON's number grammar: no '+', no bare '.', no leading zeros.</summary>
    private static string JsonFloat(Match match)
    {
        var sign = match.Groups[1].Value == "-" ? "-" : string.Empty;
        var mantissa = match.Groups[2].Value;
        var exponent = match.Groups[4].Value;
        var dot = mantissa.IndexOf('.');
        var integer = dot < 0 ? mantissa : mantissa.Substring(0, dot);
        var fraction = dot < 0 ? null : mantissa.Substring(dot + 1);
        integer = integer.TrimStart('0');
        if (integer.Length == 0)
        {
            integer = "0";
        }

        var result = sign + integer;
        if (fraction != null)
        {
            result += "." + (fraction.Length == 0 ? "0" : fraction);
        }

        return result + exponent;
    }

    private static JsonNode Number(string jsonText)
    {
        using var document = JsonDocument.Parse(jsonText);
        return JsonValue.Create(document.RootElement.Clone())!;
    }
}
