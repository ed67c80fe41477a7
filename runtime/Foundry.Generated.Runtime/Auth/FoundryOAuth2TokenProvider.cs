using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Runtime;

namespace Foundry.Generated;

/// <summary>
/// OAuth2 client credentials for third-party apps (<c>{host}/multipass/api/oauth2/token</c>, scope
/// <c>api:use-language-models-execute</c>). Tokens are cached until shortly before they expire, fetched by one
/// caller at a time, and dropped when the proxy rejects them. The client secret is never printed.
/// </summary>
public sealed class FoundryOAuth2TokenProvider : IFoundryTokenProvider, IDisposable
{
    public const string DefaultScope = "api:use-language-models-execute";

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _tokenEndpoint;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly string _scope;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _current;

    public FoundryOAuth2TokenProvider(Uri foundryUrl, string clientId, string clientSecret, string scope = DefaultScope, HttpClient? httpClient = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(foundryUrl);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        _tokenEndpoint = new Uri(foundryUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/multipass/api/oauth2/token");
        _clientId = clientId;
        _clientSecret = clientSecret;
        _scope = scope;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// DANGER: when true, the client secret is sent to a plain <c>http://</c> token endpoint on a host other than this
    /// machine, readable by anyone on the network path. By default fetching a token there fails before anything is
    /// sent; loopback (<c>localhost</c>, 127.0.0.0/8, <c>::1</c>) is always allowed.
    /// </summary>
    public bool AllowInsecureHttp { get; init; }

    /// <summary>How long before expiry a token is replaced.</summary>
    public TimeSpan RefreshMargin { get; init; } = TimeSpan.FromMinutes(1);

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have fetched one while this one waited.
            return Fresh() ?? await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate(string token)
    {
        var current = _current;
        if (current != null && current.Token == token)
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    public override string ToString() => $"FoundryOAuth2TokenProvider {{ Endpoint = {_tokenEndpoint}, ClientId = {_clientId}, ClientSecret = ***, Scope = {_scope} }}";

    public void Dispose()
    {
        _gate.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private string? Fresh() => _current is { } c && _time.GetUtcNow() < c.RefreshAt ? c.Token : null;

    // Immutable, so readers never see a token with another token's expiry.
    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt);

    private async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        if (!AllowInsecureHttp && PlainHttp.Exposes(_tokenEndpoint))
        {
            throw PlainHttp.Refusal($"the OAuth2 client secret of '{_clientId}'", _tokenEndpoint, "FoundryOAuth2TokenProvider.AllowInsecureHttp (Foundry:AllowInsecureHttp in configuration)");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = _clientId,
                ["client_secret"] = _clientSecret,
                ["scope"] = _scope,
            }),
        };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The Foundry token endpoint refused client '{_clientId}' with {(int)response.StatusCode} {response.StatusCode}.");
        }

        using var json = JsonDocument.Parse(body);
        var token = json.RootElement.GetProperty("access_token").GetString()
            ?? throw new InvalidOperationException("The Foundry token endpoint returned no access_token.");
        var lifetime = json.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(5);
        _current = new CachedToken(token, _time.GetUtcNow() + lifetime - RefreshMargin);
        return token;
    }
}
