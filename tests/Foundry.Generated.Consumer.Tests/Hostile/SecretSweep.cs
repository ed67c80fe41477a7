using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Hostile;

/// <summary>
/// Looks for a secret everywhere an exception can carry text: <c>Message</c>, <c>ToString()</c>, every public property
/// (strings, collections and dictionaries of them, nested objects), <c>Data</c> and inner exceptions, by reflection,
/// so a property added later is searched without anyone remembering to add it here.
/// </summary>
internal static class SecretSweep
{
    /// <summary>Fails naming each place the secret appears; returns how many strings were read (a sweep that reads
    /// nothing proves nothing).</summary>
    public static int AssertAbsent(Exception error, string secret)
    {
        var found = new List<string>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var strings = 0;
        Visit(error, error.GetType().Name, secret, found, seen, ref strings, depth: 0);
        Assert.True(found.Count == 0, $"the secret appears in {string.Join(", ", found)}");
        return strings;
    }

    private static void Visit(object? value, string path, string secret, List<string> found, HashSet<object> seen, ref int strings, int depth)
    {
        if (value is null || depth > 6)
        {
            return;
        }

        if (value is string text)
        {
            strings++;
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                found.Add(path);
            }

            return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is TimeSpan or DateTimeOffset or DateTime or Uri or Type or MemberInfo || !seen.Add(value))
        {
            if (value is Uri uri)
            {
                Visit(uri.ToString(), path, secret, found, seen, ref strings, depth + 1);
            }

            return;
        }

        if (value is Exception exception)
        {
            Visit(exception.ToString(), path + ".ToString()", secret, found, seen, ref strings, depth + 1);
            foreach (DictionaryEntry entry in exception.Data)
            {
                Visit(entry.Key?.ToString(), path + ".Data.key", secret, found, seen, ref strings, depth + 1);
                Visit(entry.Value, path + $".Data[{entry.Key}]", secret, found, seen, ref strings, depth + 1);
            }
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                Visit(entry.Key, path + ".key", secret, found, seen, ref strings, depth + 1);
                Visit(entry.Value, path + $"[{entry.Key}]", secret, found, seen, ref strings, depth + 1);
            }

            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Visit(item, path + $"[{i++}]", secret, found, seen, ref strings, depth + 1);
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name is nameof(Exception.TargetSite))
            {
                continue;
            }

            Visit(property.GetValue(value), path + "." + property.Name, secret, found, seen, ref strings, depth + 1);
        }
    }
}
