using System;
using System.Collections.Generic;
using System.Text;

namespace Foundry.Generated.Generator.Naming;

/// <summary>
/// The names declared in one C# scope, compared ignoring case (hint names and file systems ignore it; so does anyone
/// reading <c>Id</c> next to <c>ID</c>). Each name remembers who holds it, so a rename can say why.
/// </summary>
internal sealed class NameScope
{
    private readonly Dictionary<string, string> _owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    private readonly string _suffix;

    /// <param name="suffix">What a taken name gets before a number: <c>Value</c> for members (<c>Embedding.EmbeddingValue</c>),
    /// nothing for types, enum values and union cases (<c>Foo2</c>).</param>
    public NameScope(string suffix = "")
    {
        _suffix = suffix;
    }

    /// <summary>Marks <paramref name="names"/> as held by <paramref name="owner"/> (a phrase: "a member every generated record has").</summary>
    public NameScope Reserve(IEnumerable<string> names, string owner)
    {
        foreach (var name in names)
        {
            Reserve(name, owner);
        }

        return this;
    }

    public NameScope Reserve(string name, string owner)
    {
        if (!_owners.ContainsKey(name))
        {
            _owners[name] = owner;
        }

        return this;
    }

    /// <summary>Who holds <paramref name="name"/> (ignoring case), or null when it is free.</summary>
    public string? OwnerOf(string name) => _owners.TryGetValue(name, out var owner) ? owner : null;

    /// <summary>
    /// Claims <paramref name="name"/> for <paramref name="owner"/>, or, when this scope (or <paramref name="alsoTaken"/>,
    /// names the claimant may not have for reasons of its own) holds it, the first free of name + suffix, name + suffix + 2, ….
    /// <paramref name="takenBy"/> is who held the wanted name when it had to change, else null.
    /// </summary>
    public string Claim(string name, string owner, out string? takenBy, Func<string, string?>? alsoTaken = null)
    {
        takenBy = OwnerOf(name) ?? alsoTaken?.Invoke(name);
        var candidate = name;
        if (takenBy != null)
        {
            var stem = name + _suffix;
            candidate = stem;
            var n = 2;
            while (candidate == name || OwnerOf(candidate) != null || alsoTaken?.Invoke(candidate) != null)
            {
                candidate = stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                n++;
            }
        }

        _owners[candidate] = owner;
        return candidate;
    }
}
