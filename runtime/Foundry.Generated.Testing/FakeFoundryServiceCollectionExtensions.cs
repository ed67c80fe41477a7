using System;
using Microsoft.Extensions.DependencyInjection;

namespace Foundry.Generated.Testing;

/// <summary>The application's own registration (<c>AddFoundryLlm</c>), pointed at a fake.</summary>
public static class FakeFoundryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Foundry clients as <c>AddFoundryLlm</c> does, talking to <paramref name="foundry"/> in memory;
    /// no configuration section is read, so the test's settings are the only ones.
    /// </summary>
    public static IHttpClientBuilder AddFoundryLlm(this IServiceCollection services, FakeFoundry foundry, Action<FoundryClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(foundry);
        return services
            .AddFoundryLlm(
                options =>
                {
                    options.BaseUrl = FakeFoundry.InMemoryBaseUrl;
                    options.Token = foundry.Token;
                    options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
                    configure?.Invoke(options);
                },
                configurationSection: null)
            .ConfigurePrimaryHttpMessageHandler(foundry.CreateHandler);
    }
}
