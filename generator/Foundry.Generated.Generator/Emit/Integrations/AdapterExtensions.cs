using System.Collections.Generic;
using System.Text;

namespace Foundry.Generated.Generator.Emit.Integrations;

/// <summary>
/// Writes <c>FoundryAIExtensions</c>: <c>AsIChatClient</c>/<c>AsIEmbeddingGenerator</c> for each emitted adapter, in the
/// root namespace (where <c>using {Root};</c> finds them). All of it depends on the spec, so it is written whole; the
/// compiled copy is <c>runtime/Foundry.Generated.Hosting/Adapters/FoundryAIExtensions.cs</c>.
/// </summary>
internal static class AdapterExtensions
{
    public const string Name = "FoundryAIExtensions";

    public const string HintName = "AI." + Name + ".g.cs";

    public static string Write(IEnumerable<IntegrationTemplate> adapters, string rootNamespace, bool internalTypes)
    {
        var text = new StringBuilder();
        text.Append("// Written by the generator for the emitted adapters (compiled copy: a test keeps it equal to the generator's output).\n");
        text.Append("#nullable enable\n\n");
        text.Append("namespace ").Append(rootNamespace).Append(";\n\n");
        text.Append("/// <summary>Microsoft.Extensions.AI adapters of the generated clients.</summary>\n");
        text.Append(TypeVisibility.Keyword(internalTypes)).Append(" static class ").Append(Name).Append("\n{\n");
        var first = true;
        foreach (var adapter in adapters)
        {
            if (adapter.Library != IntegrationLibrary.ExtensionsAi)
            {
                continue;
            }

            if (!first)
            {
                text.Append('\n');
            }

            first = false;
            var client = "global::" + rootNamespace + "." + adapter.AliasTarget("Client");
            var model = "global::" + rootNamespace + "." + adapter.AliasTarget("Model");
            var embeddings = adapter.Name == "FoundryEmbeddingGenerator";
            text.Append(embeddings
                ? "    /// <summary>This route as a Microsoft.Extensions.AI embedding generator; <c>EmbeddingGenerationOptions.ModelId</c> overrides <paramref name=\"defaultModel\"/>.</summary>\n"
                : "    /// <summary>This route as a Microsoft.Extensions.AI <see cref=\"global::Microsoft.Extensions.AI.IChatClient\"/>; <c>ChatOptions.ModelId</c> overrides <paramref name=\"defaultModel\"/>.</summary>\n");
            text.Append("    public static ")
                .Append(embeddings ? "global::Microsoft.Extensions.AI.IEmbeddingGenerator<string, global::Microsoft.Extensions.AI.Embedding<float>> AsIEmbeddingGenerator" : "global::Microsoft.Extensions.AI.IChatClient AsIChatClient")
                .Append("(this ").Append(client).Append(" client, ").Append(model).Append(" defaultModel)\n");
            text.Append("        => new global::").Append(rootNamespace).Append(".AI.").Append(adapter.Name)
                .Append("(client ?? throw new global::System.ArgumentNullException(nameof(client)), defaultModel);\n");
        }

        text.Append("}\n");
        return text.ToString();
    }
}
