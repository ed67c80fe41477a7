using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Foundry.Generated.SpecSync.ApiChanges;

/// <summary>
/// The public API changes between two spec revisions: types added or removed (their members are not listed again),
/// then members added, removed or retyped in the types both have. Grouped by kind, sorted by name.
/// </summary>
internal static class ApiDiff
{
    public static IReadOnlyList<ApiChange> Between(IReadOnlyDictionary<string, ApiType> before, IReadOnlyDictionary<string, ApiType> after)
    {
        var changes = new List<ApiChange>();
        foreach (var (name, type) in after.Where(t => !before.ContainsKey(t.Key)))
        {
            changes.Add(new ApiChange(ApiChangeKind.TypeAdded, name, null, type.Signature));
        }

        foreach (var (name, type) in before.Where(t => !after.ContainsKey(t.Key)))
        {
            changes.Add(new ApiChange(ApiChangeKind.TypeRemoved, name, type.Signature, null));
        }

        foreach (var (name, old) in before)
        {
            if (after.TryGetValue(name, out var now))
            {
                AddTypeChanges(name, old, now, changes);
            }
        }

        return changes.OrderBy(c => c.Kind).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Prints the changes under a heading with their counts, or that there are none.</summary>
    public static void Print(IReadOnlyList<ApiChange> changes, TextWriter output)
    {
        if (changes.Count == 0)
        {
            output.WriteLine("public API: no changes");
            return;
        }

        string Count(ApiChangeKind kind, string what) => $"{changes.Count(c => c.Kind == kind)} {what}";
        output.WriteLine($"public API changes: types {Count(ApiChangeKind.TypeAdded, "added")}, {Count(ApiChangeKind.TypeRemoved, "removed")}, {Count(ApiChangeKind.TypeChanged, "changed")}; "
            + $"members {Count(ApiChangeKind.MemberAdded, "added")}, {Count(ApiChangeKind.MemberRemoved, "removed")}, {Count(ApiChangeKind.MemberChanged, "changed")}");
        foreach (var change in changes)
        {
            output.WriteLine("  " + change);
        }
    }

    private static void AddTypeChanges(string name, ApiType old, ApiType now, List<ApiChange> changes)
    {
        if (old.Signature != now.Signature)
        {
            changes.Add(new ApiChange(ApiChangeKind.TypeChanged, name, old.Signature, now.Signature));
        }

        foreach (var (member, signature) in now.Members)
        {
            if (!old.Members.TryGetValue(member, out var previous))
            {
                changes.Add(new ApiChange(ApiChangeKind.MemberAdded, name + "." + member, null, signature));
            }
            else if (previous != signature)
            {
                changes.Add(new ApiChange(ApiChangeKind.MemberChanged, name + "." + member, previous, signature));
            }
        }

        foreach (var (member, signature) in old.Members.Where(m => !now.Members.ContainsKey(m.Key)))
        {
            changes.Add(new ApiChange(ApiChangeKind.MemberRemoved, name + "." + member, signature, null));
        }
    }
}
