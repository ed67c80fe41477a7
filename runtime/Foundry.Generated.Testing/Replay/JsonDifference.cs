using System;
using System.Linq;
using System.Text.Json;

namespace Foundry.Generated.Testing;

/// <summary>The first place two JSON documents differ, as a path and both values: <c>at $.messages[0].content:
/// expected "hi", actual "hello"</c>. Object members compare by name (order does not matter), arrays item by item,
/// numbers by value.</summary>
internal static class JsonDifference
{
    private const int MaxValueChars = 120;

    /// <summary>Null when equal. <paramref name="sameModel"/> decides the root <c>model</c> (an id and a RID of one model are the same).</summary>
    public static string? First(JsonElement expected, JsonElement actual, Func<string?, string?, bool>? sameModel = null)
        => Compare(expected, actual, "$", sameModel);

    private static string? Compare(JsonElement expected, JsonElement actual, string path, Func<string?, string?, bool>? sameModel)
    {
        if (path == "$.model" && sameModel is not null && expected.ValueKind == JsonValueKind.String && actual.ValueKind == JsonValueKind.String)
        {
            return sameModel(expected.GetString(), actual.GetString()) ? null : Describe(path, expected, actual);
        }

        if (expected.ValueKind != actual.ValueKind && !(IsBool(expected) && IsBool(actual)))
        {
            return Describe(path, expected, actual);
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in expected.EnumerateObject())
                {
                    var at = path + Member(member.Name);
                    if (!actual.TryGetProperty(member.Name, out var other))
                    {
                        return $"at {at}: expected {Text(member.Value)}, actual missing";
                    }

                    if (Compare(member.Value, other, at, sameModel) is { } difference)
                    {
                        return difference;
                    }
                }

                foreach (var member in actual.EnumerateObject())
                {
                    if (!expected.TryGetProperty(member.Name, out _))
                    {
                        return $"at {path + Member(member.Name)}: expected missing, actual {Text(member.Value)}";
                    }
                }

                return null;
            case JsonValueKind.Array:
                var left = expected.EnumerateArray().ToList();
                var right = actual.EnumerateArray().ToList();
                for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
                {
                    if (Compare(left[i], right[i], $"{path}[{i}]", sameModel) is { } difference)
                    {
                        return difference;
                    }
                }

                return left.Count == right.Count
                    ? null
                    : left.Count > right.Count
                        ? $"at {path}[{right.Count}]: expected {Text(left[right.Count])}, actual missing ({left.Count} items expected, {right.Count} sent)"
                        : $"at {path}[{left.Count}]: expected missing, actual {Text(right[left.Count])} ({left.Count} items expected, {right.Count} sent)";
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : Describe(path, expected, actual);
            case JsonValueKind.Number:
                return expected.GetRawText() == actual.GetRawText() || (expected.TryGetDecimal(out var a) && actual.TryGetDecimal(out var b) && a == b) || expected.GetDouble().Equals(actual.GetDouble())
                    ? null
                    : Describe(path, expected, actual);
            case JsonValueKind.True:
            case JsonValueKind.False:
                return expected.ValueKind == actual.ValueKind ? null : Describe(path, expected, actual);
            default:
                return null;
        }
    }

    private static bool IsBool(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static string Member(string name)
        => name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && name.Length > 0 && !char.IsAsciiDigit(name[0]) ? "." + name : "[\"" + JsonEncodedText.Encode(name) + "\"]";

    private static string Describe(string path, JsonElement expected, JsonElement actual) => $"at {path}: expected {Text(expected)}, actual {Text(actual)}";

    private static string Text(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= MaxValueChars ? text : text.Substring(0, MaxValueChars) + "…";
    }
}
