using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Consumer.Tests.Recorded;

/// <summary>
/// Walks a decoded object graph through its public properties (lists and dictionaries included) and reports what a
/// real body must not leave behind: a value of an <c>Unknown…</c> type (a union member or event the spec does not
/// know) and a null in a member whose declared type is not nullable (read through <see cref="NullabilityInfoContext"/>).
/// </summary>
internal static class DecodedGraph
{
    public static List<string> Problems(object root)
    {
        var problems = new List<string>();
        Walk(root, "$", problems, new HashSet<object>(ReferenceEqualityComparer.Instance), new NullabilityInfoContext(), 0);
        return problems;
    }

    private static void Walk(object value, string path, List<string> problems, HashSet<object> seen, NullabilityInfoContext nullability, int depth)
    {
        var type = value.GetType();
        if (IsLeaf(type) || depth > 64)
        {
            return;
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (type.Name.StartsWith("Unknown", StringComparison.Ordinal))
        {
            problems.Add($"{path}: {type.FullName}");
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                if (entry.Value != null)
                {
                    Walk(entry.Value, $"{path}[{entry.Key}]", problems, seen, nullability, depth + 1);
                }
            }

            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                if (item == null)
                {
                    problems.Add($"{path}[{i}]: null item");
                }
                else
                {
                    Walk(item, $"{path}[{i}]", problems, seen, nullability, depth + 1);
                }

                i++;
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod == null || property.DeclaringType?.Namespace?.StartsWith("System", StringComparison.Ordinal) == true
                || property.IsDefined(typeof(CompilerGeneratedAttribute)) && property.Name == "EqualityContract")
            {
                continue;
            }

            object? member;
            try
            {
                member = property.GetValue(value);
            }
            catch (TargetInvocationException)
            {
                // A union accessor for a member this value is not.
                continue;
            }

            var where = path + "." + property.Name;
            if (member == null)
            {
                if (!property.PropertyType.IsValueType && nullability.Create(property).ReadState == NullabilityState.NotNull)
                {
                    problems.Add($"{where}: null in non-nullable {Display(property.PropertyType)} ({type.Name})");
                }

                continue;
            }

            Walk(member, where, problems, seen, nullability, depth + 1);
        }
    }

    private static bool IsLeaf(Type type)
        => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
            || type == typeof(Guid) || type == typeof(TimeSpan) || type == typeof(Uri) || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type)
            || type == typeof(byte[]) || type.FullName?.StartsWith("System.ReadOnlyMemory", StringComparison.Ordinal) == true || type.FullName?.StartsWith("System.Memory", StringComparison.Ordinal) == true;

    private static string Display(Type type) => type.IsGenericType ? type.Name.Split('`')[0] + "<" + string.Join(",", Array.ConvertAll(type.GetGenericArguments(), Display)) + ">" : type.Name;
}
