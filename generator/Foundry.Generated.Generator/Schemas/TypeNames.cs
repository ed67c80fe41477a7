using System;
using System.Collections.Generic;
using Foundry.Generated.Generator.Emit;

namespace Foundry.Generated.Generator.Schemas;

/// <summary>
/// C# namespace and type name of every component: <c>OpenAi.CreateResponse</c> → <c>{Root}.OpenAi.CreateResponse</c>.
/// Collisions (names that sanitise alike, compared case-insensitively like hint names) get a numeric suffix (FDRY106).
/// </summary>
internal sealed class TypeNames
{
    private readonly Dictionary<string, (string Namespace, string Name)> _names = new Dictionary<string, (string, string)>(StringComparer.Ordinal);

    public TypeNames(IEnumerable<string> schemaIds, string rootNamespace, SpecDocument document)
    {
        var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in schemaIds)
        {
            var dot = id.IndexOf('.');
            var prefix = dot > 0 ? CSharpIdentifiers.ToPascalCase(id.Substring(0, dot)) : string.Empty;
            var rest = CSharpIdentifiers.ToPascalCase(dot > 0 ? id.Substring(dot + 1) : id);

            // Foundry's own schemas live in the root namespace (a Root.Foundry namespace would shadow "Foundry." in user code).
            var ns = prefix.Length == 0 || prefix == "Foundry" ? rootNamespace : rootNamespace + "." + prefix;
            var baseName = prefix == "Foundry" ? "Foundry" + rest : rest;
            var name = baseName;
            var n = 2;
            while (taken.TryGetValue(ns + "." + name, out var owner))
            {
                var renamed = baseName + n++;
                document.Report("FDRY106", "/components/schemas/" + id, owner, id, baseName, renamed);
                name = renamed;
            }

            taken[ns + "." + name] = id;
            _names[id] = (ns, name);
        }
    }

    public string Namespace(string id) => _names[id].Namespace;

    public string Name(string id) => _names[id].Name;

    public string FullName(string id) => "global::" + _names[id].Namespace + "." + _names[id].Name;

    public bool Contains(string id) => _names.ContainsKey(id);
}
