using System;
using System.Text;
using Foundry.Generated.Catalog.Collections;

namespace Foundry.Generated.Generator.Emit.Integrations;

/// <summary>
/// Writes the header of an adapter source: the only lines that depend on the spec (root namespace, aliases of the
/// route's types, route name, visibility and, for DI, the route clients). The compiled files under
/// <c>runtime/Foundry.Generated.Hosting/Adapters/</c> start with this header for the checked-in spec (a test
/// compares them); for another spec the generator writes a new header above the same body.
/// </summary>
internal static class AdapterHeader
{
    public const string Start = "// <foundry-header>";
    public const string End = "// </foundry-header>";

    private static readonly string[] AdapterNamespaces =
    {
        "System", "System.Collections.Generic", "System.Runtime.CompilerServices", "System.Text", "System.Text.Json", "System.Threading",
        "System.Threading.Tasks", "Foundry.Generated.Hosting.AI", "Microsoft.Extensions.AI",
    };

    private static readonly string[] HostingNamespaces =
    {
        "System", "Foundry.Generated.Hosting", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.DependencyInjection.Extensions",
    };

    public static string Write(IntegrationTemplate template, string rootNamespace, bool internalTypes, EquatableArray<string> clientProperties)
    {
        var ai = template.Library == IntegrationLibrary.ExtensionsAi;
        var text = new StringBuilder();
        text.Append(Start).Append(" The spec-dependent part: the generator writes it for a custom spec, namespace or visibility; the rest is emitted as it is.\n");
        if (template.Body != template.Name + ".cs")
        {
            text.Append("// Generated from ").Append(template.Body).Append(" (edit that file; ACCEPT_SNAPSHOTS=1 in Foundry.Generated.Generator.Tests rewrites this one).\n");
        }

        text.Append("#nullable enable\n");
        text.Append("#pragma warning disable CS0612, CS0618 // the adapters may use members the spec marks deprecated\n\n");
        text.Append("namespace ").Append(rootNamespace).Append(ai ? ".AI" : string.Empty).Append(";\n\n");
        foreach (var ns in ai ? AdapterNamespaces : HostingNamespaces)
        {
            text.Append("using global::").Append(ns).Append(";\n");
        }

        foreach (var alias in template.Aliases)
        {
            text.Append("using ").Append(alias.Key).Append(" = global::").Append(rootNamespace).Append('.').Append(alias.Value).Append(";\n");
        }

        text.Append('\n');
        if (template.RouteName is { } route)
        {
            text.Append("file static class Route\n{\n    public const string Name = \"").Append(route).Append("\";\n}\n\n");
        }

        if (!ai)
        {
            Registrations(text, clientProperties);
        }

        text.Append("/// <summary>").Append(template.Summary).Append("</summary>\n");
        text.Append("[global::System.CodeDom.Compiler.GeneratedCode(\"Foundry.Generated\", \"1.0.0\")]\n");
        text.Append(TypeVisibility.Keyword(internalTypes)).Append(' ').Append(template.Declaration).Append('\n');
        text.Append(End).Append('\n');
        return text.ToString();
    }

    /// <summary>The body after the header of an adapter source file.</summary>
    public static string Body(string source)
    {
        var end = source.IndexOf("\n" + End + "\n", StringComparison.Ordinal);
        if (!source.StartsWith(Start, StringComparison.Ordinal) || end < 0)
        {
            throw new InvalidOperationException("An adapter source must start with '" + Start + "' and close the header with a line '" + End + "'.");
        }

        return source.Substring(end + End.Length + 2);
    }

    /// <summary>One <c>TryAddSingleton</c> per route client (its property), each the shared <c>FoundryLlmClient</c>'s.</summary>
    private static void Registrations(StringBuilder text, EquatableArray<string> clientProperties)
    {
        text.Append("static partial class FoundryLlmServiceCollectionExtensions\n{\n");
        text.Append("    private static void AddRouteClients(IServiceCollection services)\n    {\n");
        foreach (var property in clientProperties)
        {
            text.Append("        services.TryAddSingleton(provider => Root(provider).").Append(property).Append(");\n");
        }

        text.Append("    }\n}\n\n");
    }
}
