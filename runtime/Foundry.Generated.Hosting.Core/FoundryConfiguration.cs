using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Foundry.Generated.Hosting;

/// <summary>
/// Reads the <c>Foundry</c> configuration section into <see cref="FoundryClientOptions"/> key by key (no reflection,
/// trimming-safe). A value that does not parse fails start-up naming the key — never echoing a secret.
/// </summary>
/// <remarks>
/// Keys: <c>BaseUrl</c>, <c>Token</c>, <c>AttributionRids</c> (array or comma-separated), <c>UserAgent</c>,
/// <c>ModelIdWireFormat</c> (<c>Rid</c> | <c>FriendlyId</c>), <c>MaxRetries</c>, <c>RetryBaseDelay</c>, <c>RetryMaxDelay</c>,
/// <c>StreamIdleTimeout</c>, <c>RequestTimeout</c> (TimeSpan, e.g. <c>00:02:00</c>), <c>MaxEventBytes</c>,
/// <c>MaxResponseBytes</c>, <c>MaxErrorBodyBytes</c>,
/// <c>AllowInsecureHttp</c> (true | false; also passed to the OAuth2 token provider built here),
/// <c>AllowMissingStreamTerminal</c> (true | false), <c>FailOnIncompleteResponse</c> (true | false), and
/// <c>OAuth2:ClientId</c> / <c>OAuth2:ClientSecret</c> / <c>OAuth2:Scope</c> for client-credentials auth.
/// </remarks>
public static class FoundryConfiguration
{
    public static void Apply(IConfiguration section, FoundryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var path = (section as IConfigurationSection)?.Path ?? FoundryHosting.DefaultSection;

        if (section["BaseUrl"] is { Length: > 0 } url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var baseUrl))
            {
                options.BaseUrl = baseUrl;
            }
            else
            {
                problems.Add($"{path}:BaseUrl '{url}' is not an absolute URL (e.g. https://example.palantirfoundry.com).");
            }
        }

        if (section["Token"] is { Length: > 0 } token)
        {
            options.Token = token;
        }

        foreach (var rid in Attribution(section.GetSection("AttributionRids")))
        {
            options.AttributionRids.Add(rid);
        }

        if (section["UserAgent"] is { Length: > 0 } agent)
        {
            options.UserAgent = agent;
        }

        if (section["ModelIdWireFormat"] is { Length: > 0 } format)
        {
            if (Enum.TryParse<ModelIdWireFormat>(format, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                options.ModelIdWireFormat = parsed;
            }
            else
            {
                problems.Add($"{path}:ModelIdWireFormat '{format}' is not one of {string.Join(", ", Enum.GetNames<ModelIdWireFormat>())}.");
            }
        }

        Int(section, path, "MaxRetries", v => options.MaxRetries = v, problems);
        Int(section, path, "MaxEventBytes", v => options.MaxEventBytes = v, problems);
        Int(section, path, "MaxResponseBytes", v => options.MaxResponseBytes = v, problems);
        Int(section, path, "MaxErrorBodyBytes", v => options.MaxErrorBodyBytes = v, problems);
        Time(section, path, "RetryBaseDelay", v => options.RetryBaseDelay = v, problems);
        Time(section, path, "RetryMaxDelay", v => options.RetryMaxDelay = v, problems);
        Time(section, path, "StreamIdleTimeout", v => options.StreamIdleTimeout = v, problems);
        Time(section, path, "RequestTimeout", v => options.RequestTimeout = v, problems);

        Bool(section, path, "AllowInsecureHttp", v => options.AllowInsecureHttp = v, problems);
        Bool(section, path, "AllowMissingStreamTerminal", v => options.AllowMissingStreamTerminal = v, problems);
        Bool(section, path, "FailOnIncompleteResponse", v => options.FailOnIncompleteResponse = v, problems);

        var oauth = section.GetSection("OAuth2");
        if (oauth.Exists())
        {
            var clientId = oauth["ClientId"];
            var secret = oauth["ClientSecret"];
            if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
            {
                problems.Add($"{path}:OAuth2 needs both ClientId and ClientSecret.");
            }
            else if (options.BaseUrl is null)
            {
                problems.Add($"{path}:OAuth2 needs {path}:BaseUrl (the token endpoint is on the Foundry host).");
            }
            else
            {
                options.Credentials = new FoundryOAuth2TokenProvider(options.BaseUrl, clientId, secret, oauth["Scope"] is { Length: > 0 } scope ? scope : FoundryOAuth2TokenProvider.DefaultScope, timeProvider: options.TimeProvider)
                {
                    AllowInsecureHttp = options.AllowInsecureHttp,
                };
            }
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(FoundryClientOptions), problems);
        }
    }

    private static IEnumerable<string> Attribution(IConfigurationSection section)
    {
        if (section.Value is { Length: > 0 } list)
        {
            foreach (var rid in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return rid;
            }
        }

        foreach (var child in section.GetChildren())
        {
            if (child.Value is { Length: > 0 } rid)
            {
                yield return rid.Trim();
            }
        }
    }

    private delegate bool Parser<T>(string text, out T value);

    private static void Int(IConfiguration section, string path, string key, Action<int> set, List<string> problems)
        => Read(section, path, key, static (string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value), "is not a whole number", set, problems);

    private static void Bool(IConfiguration section, string path, string key, Action<bool> set, List<string> problems)
        => Read(section, path, key, bool.TryParse, "is not true or false", set, problems);

    private static void Time(IConfiguration section, string path, string key, Action<TimeSpan> set, List<string> problems)
        => Read(section, path, key, static (string text, out TimeSpan value) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value), "is not a time span (e.g. 00:02:00)", set, problems);

    // A key that is absent or empty keeps the option's value; one that does not parse is a problem naming it.
    private static void Read<T>(IConfiguration section, string path, string key, Parser<T> parse, string notValid, Action<T> set, List<string> problems)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return;
        }

        if (parse(text, out var value))
        {
            set(value);
        }
        else
        {
            problems.Add($"{path}:{key} '{text}' {notValid}.");
        }
    }
}
