using System;
using System.Net.Http;
using System.Threading;
using Foundry.Generated.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Foundry.Generated.Hosting;

/// <summary>
/// Registers one <see cref="FoundryPipeline"/> for the generated clients: <see cref="FoundryClientOptions"/> bound from
/// a configuration section and validated at start-up, an <see cref="HttpClient"/> from <c>IHttpClientFactory</c>
/// (the returned builder takes your handlers), and the host's logger factory and time provider. Generated code calls
/// this from <c>services.AddFoundryLlm()</c>.
/// </summary>
public static class FoundryHosting
{
    /// <summary>The named HttpClient the pipeline uses.</summary>
    public const string HttpClientName = "Foundry.Generated";

    /// <summary>The default configuration section.</summary>
    public const string DefaultSection = "Foundry";

    public static IHttpClientBuilder AddFoundryPipeline(IServiceCollection services, Action<FoundryClientOptions>? configure = null, string? configurationSection = DefaultSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<FoundryClientOptions>();
        if (!string.IsNullOrEmpty(configurationSection))
        {
            options.Configure<IServiceProvider>((o, provider) =>
            {
                if (provider.GetService<IConfiguration>()?.GetSection(configurationSection) is { } section && section.Exists())
                {
                    FoundryConfiguration.Apply(section, o);
                }
            });
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.PostConfigure<IServiceProvider>((o, provider) =>
        {
            o.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            if (ReferenceEquals(o.TimeProvider, TimeProvider.System) && provider.GetService<TimeProvider>() is { } time)
            {
                o.TimeProvider = time;
            }
        });
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FoundryClientOptions>, FoundryClientOptionsValidator>());

        services.TryAddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<FoundryClientOptions>>().Value;
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger(typeof(FoundryHosting).FullName!);
            if (logger is not null)
            {
                HostingLog.PipelineCreated(logger, settings.BaseUrl?.Host ?? "$" + FoundryClientOptions.UrlVariable, FoundryClientOptionsValidator.AuthKind(settings), settings.MaxRetries);
            }

            return new FoundryPipeline(settings, http);
        });

        // One long-lived pipeline holds this client, so the handler is not rotated; pooled connections are recycled
        // instead (DNS changes), and unfinished streams are closed at once rather than drained.
        return services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ResponseDrainTimeout = TimeSpan.Zero })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }
}
