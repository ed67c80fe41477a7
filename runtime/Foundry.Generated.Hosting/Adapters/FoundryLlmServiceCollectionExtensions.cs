// <foundry-header> The spec-dependent part: the generator writes it for a custom spec, namespace or visibility; the rest is emitted as it is.
#nullable enable
#pragma warning disable CS0612, CS0618 // the adapters may use members the spec marks deprecated

namespace Foundry.Generated;

using global::System;
using global::Foundry.Generated.Hosting;
using global::Microsoft.Extensions.DependencyInjection;
using global::Microsoft.Extensions.DependencyInjection.Extensions;
using LlmClient = global::Foundry.Generated.FoundryLlmClient;

static partial class FoundryLlmServiceCollectionExtensions
{
    private static void AddRouteClients(IServiceCollection services)
    {
        services.TryAddSingleton(provider => Root(provider).AnthropicMessages);
        services.TryAddSingleton(provider => Root(provider).GoogleGenerateContent);
        services.TryAddSingleton(provider => Root(provider).OpenAiChatCompletions);
        services.TryAddSingleton(provider => Root(provider).OpenAiEmbeddings);
        services.TryAddSingleton(provider => Root(provider).OpenAiResponses);
        services.TryAddSingleton(provider => Root(provider).XaiChatCompletions);
        services.TryAddSingleton(provider => Root(provider).XaiResponses);
    }
}

/// <summary>Registers the generated Foundry clients with dependency injection.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Foundry.Generated", "1.0.0")]
public static partial class FoundryLlmServiceCollectionExtensions
// </foundry-header>
{
    /// <summary>
    /// Registers <see cref="LlmClient"/> and each route's client as singletons over one pipeline. Settings come from
    /// the <paramref name="configurationSection"/> configuration section (then <paramref name="configure"/>) and are
    /// validated at start-up. Returns the <c>IHttpClientBuilder</c> of the pipeline's HttpClient, for your own handlers.
    /// </summary>
    public static IHttpClientBuilder AddFoundryLlm(this IServiceCollection services, Action<global::Foundry.Generated.FoundryClientOptions>? configure = null, string? configurationSection = FoundryHosting.DefaultSection)
    {
        var builder = FoundryHosting.AddFoundryPipeline(services, configure, configurationSection);
        services.TryAddSingleton(provider => new LlmClient(provider.GetRequiredService<global::Foundry.Generated.Runtime.FoundryPipeline>()));
        AddRouteClients(services);
        return builder;
    }

    private static LlmClient Root(IServiceProvider provider) => provider.GetRequiredService<LlmClient>();
}
