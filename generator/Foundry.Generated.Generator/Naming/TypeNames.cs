using System.Collections.Generic;
using System.Linq;
using System;
using Foundry.Generated.Generator.Diagnostics;
using Foundry.Generated.Generator.OpenApi;

namespace Foundry.Generated.Generator.Naming;

/// <summary>
/// C# namespace and type name of every generated type: <c>OpenAi.CreateResponse</c> → <c>{Root}.OpenAi.CreateResponse</c>.
/// One <see cref="NameScope"/> holds every full name and every hint name the generator emits (compared ignoring case,
/// like hint names), so a schema never takes the name of another schema, a route client, a model type, an adapter, a
/// namespace or a generated file; and no type is named like a member it declares or inherits (a union member named like
/// the union's discriminator property, a record named <c>ToString</c>). Such a name gets a number (FDRY106).
/// Claimed in a fixed order, so names do not depend on the order of the spec: the generator's own names, route clients,
/// namespaces, schemas (by id), <c>Unknown…</c> union members, <c>{Union}{Member}</c> wrappers.
/// </summary>
internal sealed class TypeNames
{
    /// <summary>The hint-name prefix of generated clients and model types (fixed, whatever the root namespace).</summary>
    private const string ClientHints = "Foundry.Generated.Clients";
    private const string ModelHints = "Foundry.Generated.Models";

    /// <summary>The namespace of the runtime types user code names (the rest stay in <c>Foundry.Generated.Runtime</c>).</summary>
    internal const string PublicRuntimeNamespace = "Foundry.Generated";

    /// <summary>The runtime's public types in <see cref="PublicRuntimeNamespace"/>.</summary>
    internal static readonly string[] PublicRuntimeTypes =
    {
        "FoundryClientOptions", "ModelIdWireFormat", "IFoundryTokenProvider", "FoundryOAuth2TokenProvider", "FoundryRequestOptions",
        "FoundryResponse", "FoundryResponseHead",
        "FoundryException", "FoundryApiException", "FoundryStreamException", "FoundryStreamFailure",
        "FoundryConnectionException", "FoundryTimeoutException", "FoundryCredentialException", "FoundryTelemetry",
        "FoundryModelInfo", "FoundryModelCapabilities", "FoundryModelLifecycle", "IFoundryModelId", "FoundryModelIdAttribute",
        "FoundryStreamAccumulator",
        "FoundryStructuredResponse", "FoundryStructuredAccumulator", "FoundryStructuredOutput", "FoundryStructuredOutputException",
        "FoundryStructuredOutputFailure",
    };

    private readonly SpecDocument _document;
    private readonly string _root;
    private readonly NameScope _scope = new NameScope();
    private readonly Dictionary<string, (string Namespace, string Name)> _names = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
    private readonly HashSet<string> _namespaceKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <param name="clientNames">The route clients' class names (<see cref="ClientNaming"/>): they keep their names.</param>
    public TypeNames(SpecDocument document, string rootNamespace, IEnumerable<string> clientNames)
    {
        _document = document;
        _root = rootNamespace;
        foreach (var segment in rootNamespace.Split('.'))
        {
            // A type Foundry.Generated.Foundry would shadow "Foundry." in code inside the root namespace.
            _scope.Reserve(rootNamespace + "." + segment, "a segment of the root namespace '" + rootNamespace + "'");
        }

        // Namespaces the generated code names with global:: (the runtime's, the adapters' base): a type or a schema
        // namespace of the same name under the root would take their place.
        foreach (var used in new[] { "Foundry.Generated.Runtime.Internal", "Foundry.Generated.Hosting.AI" })
        {
            var segments = used.Split('.');
            for (var i = 1; i <= segments.Length; i++)
            {
                var prefix = string.Join(".", segments, 0, i);
                if (prefix.StartsWith(rootNamespace + ".", StringComparison.Ordinal) && prefix.IndexOf('.', rootNamespace.Length + 1) < 0)
                {
                    _scope.Reserve(prefix, "namespace '" + prefix + "', which the generated code uses");
                }
            }
        }

        // The runtime's public types live in Foundry.Generated (DESIGN.md, Namespaces): a generated type or schema
        // namespace of the same full name would hide them from the generated code and from users.
        foreach (var name in PublicRuntimeTypes)
        {
            _scope.Reserve(PublicRuntimeNamespace + "." + name, "the runtime type '" + PublicRuntimeNamespace + "." + name + "'");
        }

        _scope.Reserve(rootNamespace + ".FoundryLlmClient", "the generated client 'FoundryLlmClient'")
            .Reserve(ClientHints + ".FoundryLlmClient", "the generated file '" + ClientHints + ".FoundryLlmClient.g.cs'");
        foreach (var route in Foundry.Generated.Catalog.ModelIds.ModelIdRules.KnownRoutes)
        {
            if (Model.RouteNames.ModelTypeName(route) is { } model)
            {
                _scope.Reserve(rootNamespace + "." + model, "the model type '" + model + "'")
                    .Reserve(ModelHints + "." + model, "the generated file '" + ModelHints + "." + model + ".g.cs'");
            }
        }

        foreach (var name in new[] { "FoundryModels", "AppModels" })
        {
            _scope.Reserve(rootNamespace + "." + name, "the generated type '" + name + "'")
                .Reserve(ModelHints + "." + name, "the generated file '" + ModelHints + "." + name + ".g.cs'");
        }

        foreach (var name in new[] { "FoundryAIExtensions", "FoundryLlmServiceCollectionExtensions" })
        {
            _scope.Reserve(rootNamespace + "." + name, "the generated type '" + name + "'");
        }

        foreach (var template in Emit.Integrations.IntegrationTemplates.All)
        {
            _scope.Reserve(rootNamespace + ".AI." + template.Name, "the adapter '" + template.Name + "'")
                .Reserve(template.HintName.Substring(0, template.HintName.Length - ".g.cs".Length), "the generated file '" + template.HintName + "'");
        }

        _scope.Reserve(Emit.Integrations.AdapterExtensions.HintName.Substring(0, Emit.Integrations.AdapterExtensions.HintName.Length - ".g.cs".Length), "the generated file '" + Emit.Integrations.AdapterExtensions.HintName + "'");

        // The adapters' namespace: a schema prefix "AI" shares it.
        _namespaceKeys.Add(rootNamespace + ".AI");
        _scope.Reserve(rootNamespace + ".AI", "namespace '" + rootNamespace + ".AI'");

        foreach (var client in clientNames)
        {
            _scope.Reserve(rootNamespace + "." + client, "the route client '" + client + "'")
                .Reserve(ClientHints + "." + client, "the generated file '" + ClientHints + "." + client + ".g.cs'");
        }
    }

    /// <summary>Claims the namespace of every schema prefix (<c>OpenAi.</c> → <c>{Root}.OpenAi</c>), before any schema type.</summary>
    public void AddNamespaces(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            var (prefix, _) = Split(id);
            if (prefix.Length > 0 && prefix != "Foundry")
            {
                Namespace(prefix, id);
            }
        }
    }

    /// <summary>Names a schema's type; <paramref name="members"/> holds the members it declares or inherits.</summary>
    public void AddSchema(string id, NameScope members)
    {
        var (prefix, rest) = Split(id);

        // Foundry's own schemas live in the root namespace (a Root.Foundry namespace would shadow "Foundry." in user code).
        var ns = prefix.Length == 0 || prefix == "Foundry" ? _root : Namespace(prefix, id);
        var wanted = prefix == "Foundry" ? "Foundry" + rest : rest;
        _names[id] = (ns, Claim(ns, wanted, "schema '" + id + "'", members, "Schema '" + id + "'", SchemaPointer(id)));
    }

    /// <summary>Names a type the generator adds (an <c>Unknown…</c> member, a wrapper) in <paramref name="ns"/>.</summary>
    public string AddSynthesized(string key, string ns, string wanted, NameScope members, string description, string pointer)
    {
        var name = Claim(ns, wanted, description.Substring(0, 1).ToLowerInvariant() + description.Substring(1), members, description, pointer);
        _names[key] = (ns, name);
        return name;
    }

    public string Namespace(string id) => _names[id].Namespace;

    public string Name(string id) => _names[id].Name;

    public string FullName(string id) => "global::" + _names[id].Namespace + "." + _names[id].Name;

    public bool Contains(string id) => _names.ContainsKey(id);

    private static (string Prefix, string Name) Split(string id)
    {
        var dot = id.IndexOf('.');
        return dot > 0
            ? (CSharpIdentifiers.Identifier(id.Substring(0, dot)), CSharpIdentifiers.Identifier(id.Substring(dot + 1)))
            : (string.Empty, CSharpIdentifiers.Identifier(id));
    }

    public static string SchemaPointer(string id) => "/components/schemas/" + Foundry.Generated.Catalog.Json.JsonPointer.Escape(id);

    private string Claim(string ns, string wanted, string owner, NameScope members, string description, string pointer)
    {
        var key = _scope.Claim(ns + "." + wanted, owner, out var takenBy, candidate => members.OwnerOf(candidate.Substring(ns.Length + 1)));
        var name = key.Substring(ns.Length + 1);
        if (takenBy != null)
        {
            _document.Report(DiagnosticIds.SpecNameCollision, pointer, description, wanted, takenBy, name);
        }

        return name;
    }

    /// <summary>The namespace of a schema prefix; one that a generated type already holds gets a number.</summary>
    private string Namespace(string prefix, string id)
    {
        if (_namespaces.TryGetValue(prefix, out var existing))
        {
            return existing;
        }

        var key = _root + "." + prefix;
        if (!_namespaceKeys.Contains(key))
        {
            key = _scope.Claim(key, "namespace '" + key + "'", out var takenBy);
            if (takenBy != null)
            {
                _document.Report(DiagnosticIds.SpecNameCollision, SchemaPointer(id), "Namespace '" + _root + "." + prefix + "' of schema '" + id + "'", prefix, takenBy, key.Substring(_root.Length + 1));
            }

            _namespaceKeys.Add(key);
        }

        _namespaces[prefix] = key;
        return key;
    }
}
