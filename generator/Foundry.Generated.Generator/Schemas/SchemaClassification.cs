using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Foundry.Generated.Generator.Diagnostics;
using Foundry.Generated.Generator.Naming;
using Foundry.Generated.Generator.OpenApi;
using static Foundry.Generated.Generator.Schemas.SchemaShapes;

namespace Foundry.Generated.Generator.Schemas;

/// <summary>
/// What each component becomes before anything is named: its kind of type, the unions that are one type (same
/// discriminator and mapping), the union each member derives from (the largest), and each union's discriminator
/// property as JSON and C# names.
/// </summary>
internal sealed class SchemaClassification
{
    private readonly SpecDocument _doc;

    public SchemaClassification(SpecDocument doc)
    {
        _doc = doc;
        Classify();
    }

    /// <summary>Each component's kind; null for one that is no type of its own (an alias of a primitive, array or map).</summary>
    public Dictionary<string, TypeModelKind?> Kinds { get; } = new Dictionary<string, TypeModelKind?>(StringComparer.Ordinal);

    /// <summary>A union identical to an earlier one → that one.</summary>
    public Dictionary<string, string> UnionAliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A union member → the union it derives from.</summary>
    public Dictionary<string, string> PrimaryUnion { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A union → its discriminator property, as JSON and as C#.</summary>
    public Dictionary<string, (string Json, string CSharp)> Discriminators { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal);

    /// <summary>The component a type is emitted for (an aliased union's canonical one).</summary>
    public string Canonical(string id) => UnionAliases.TryGetValue(id, out var alias) ? alias : id;

    public bool Emits(string id) => Kinds[id] != null && !UnionAliases.ContainsKey(id);

    /// <summary>A member of <paramref name="union"/> that derives from another union, so it appears here as a wrapper.</summary>
    public bool IsWrapped(string union, string member)
        => Kinds.TryGetValue(member, out var kind) && kind == TypeModelKind.Record && !(PrimaryUnion.TryGetValue(member, out var primary) && primary == union);

    private void Classify()
    {
        foreach (var pair in _doc.Schemas)
        {
            Kinds[pair.Key] = KindOf(pair.Value);
        }

        // Unions with the same discriminator and mapping are one type.
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in _doc.Schemas.Where(p => Kinds[p.Key] == TypeModelKind.DiscriminatedUnion))
        {
            var key = DiscriminatorProperty(pair.Value) + "|" + string.Join(",", Mapping(pair.Value).Select(m => m.Value + "=" + m.Target));
            if (seen.TryGetValue(key, out var canonical))
            {
                UnionAliases[pair.Key] = canonical;
            }
            else
            {
                seen[key] = pair.Key;
            }
        }

        // Each member derives from its largest union (then the first by name).
        var unions = _doc.Schemas.Where(p => Kinds[p.Key] == TypeModelKind.DiscriminatedUnion && !UnionAliases.ContainsKey(p.Key))
            .OrderByDescending(p => Mapping(p.Value).Count).ThenBy(p => p.Key, StringComparer.Ordinal);
        foreach (var union in unions)
        {
            foreach (var member in Mapping(union.Value))
            {
                if (Kinds.TryGetValue(member.Target, out var kind) && kind == TypeModelKind.Record && !PrimaryUnion.ContainsKey(member.Target))
                {
                    PrimaryUnion[member.Target] = union.Key;
                }
            }
        }

        // The discriminator property every member declares: not a member the emitters add (Raw, Value, WriteJson, ...).
        foreach (var union in _doc.Schemas.Where(p => Kinds[p.Key] == TypeModelKind.DiscriminatedUnion && !UnionAliases.ContainsKey(p.Key)))
        {
            var json = DiscriminatorProperty(union.Value);
            var scope = new NameScope("Value")
                .Reserve(CSharpIdentifiers.RecordMembers, "a member every generated union has")
                .Reserve(CSharpIdentifiers.UnknownMemberMembers, "a member of its Unknown… member")
                .Reserve(CSharpIdentifiers.WrapperMembers, "a member of the wrappers of members it shares with other unions");
            var wanted = CSharpIdentifiers.Identifier(json);
            var name = scope.Claim(wanted, "the discriminator", out var takenBy);
            if (takenBy != null)
            {
                _doc.Report(DiagnosticIds.SpecNameCollision, TypeNames.SchemaPointer(union.Key) + "/discriminator", "The discriminator property '" + json + "' of '" + union.Key + "'", wanted, takenBy, name);
            }

            Discriminators[union.Key] = (json, name);
        }
    }
}
