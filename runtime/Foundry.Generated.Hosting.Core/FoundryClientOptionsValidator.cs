using System;
using System.Collections.Generic;
using Foundry.Generated.Runtime;
using Microsoft.Extensions.Options;

namespace Foundry.Generated.Hosting;

/// <summary>Start-up checks for <see cref="FoundryClientOptions"/>: where to send requests, how to authenticate, sane limits.</summary>
public sealed class FoundryClientOptionsValidator : IValidateOptions<FoundryClientOptions>
{
    public ValidateOptionsResult Validate(string? name, FoundryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var url = options.BaseUrl;
        if (url is null && Uri.TryCreate(Environment.GetEnvironmentVariable(FoundryClientOptions.UrlVariable), UriKind.Absolute, out var fromEnvironment))
        {
            url = fromEnvironment;
        }

        if (url is null)
        {
            problems.Add($"No Foundry URL: set Foundry:BaseUrl or the {FoundryClientOptions.UrlVariable} environment variable.");
        }
        else if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            problems.Add($"Foundry:BaseUrl must be an http(s) URL, not '{url.Scheme}'.");
        }
        else if (PlainHttp.Exposes(url) && !options.AllowInsecureHttp)
        {
            // The same rule the pipeline applies at the first call, so a bad URL fails at start-up instead.
            problems.Add($"Foundry:BaseUrl is plain http to {url.Host}, so the token would cross the network in clear text: use https, or, only on a network you trust, set Foundry:AllowInsecureHttp to true (FoundryClientOptions.AllowInsecureHttp).");
        }

        if (AuthKind(options) == "none")
        {
            problems.Add($"No Foundry credentials: set Foundry:Token, Foundry:OAuth2:ClientId and ClientSecret, a TokenProvider, or the {FoundryClientOptions.TokenVariable} environment variable.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            problems.Add($"Foundry:MaxRetries must be between 0 and 10 (was {options.MaxRetries}).");
        }

        Positive(options.RetryBaseDelay, "RetryBaseDelay", problems);
        Positive(options.RetryMaxDelay, "RetryMaxDelay", problems);
        Positive(options.StreamIdleTimeout, "StreamIdleTimeout", problems);
        Positive(options.RequestTimeout, "RequestTimeout", problems);
        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            problems.Add("Foundry:RetryMaxDelay must not be shorter than RetryBaseDelay.");
        }

        if (options.MaxEventBytes < 1024)
        {
            problems.Add($"Foundry:MaxEventBytes must be at least 1024 (was {options.MaxEventBytes}).");
        }

        if (options.MaxResponseBytes < 1024)
        {
            problems.Add($"Foundry:MaxResponseBytes must be at least 1024 (was {options.MaxResponseBytes}).");
        }

        foreach (var rid in options.AttributionRids)
        {
            if (!rid.StartsWith("ri.", StringComparison.Ordinal) || rid.Contains(' ', StringComparison.Ordinal))
            {
                problems.Add($"Foundry:AttributionRids entry '{rid}' is not a resource identifier (ri.…).");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>How requests authenticate, for logs (never the secret itself).</summary>
    public static string AuthKind(FoundryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Credentials is FoundryOAuth2TokenProvider ? "oauth2-client-credentials"
            : options.Credentials is not null ? "credentials"
            : options.TokenProvider is not null ? "token-provider"
            : !string.IsNullOrEmpty(options.Token) ? "token"
            : !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(FoundryClientOptions.TokenVariable)) ? "token-from-environment"
            : "none";
    }

    private static void Positive(TimeSpan value, string key, List<string> problems)
    {
        if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
        {
            problems.Add($"Foundry:{key} must be positive (was {value}).");
        }
    }
}
