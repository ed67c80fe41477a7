using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Foundry.Generated;

/// <summary>Settings for talking to a Foundry LLM proxy.</summary>
public sealed class FoundryClientOptions
{
    /// <summary>Environment variable read when <see cref="BaseUrl"/> is not set.</summary>
    public const string UrlVariable = "FOUNDRY_URL";

    /// <summary>Environment variable read when neither <see cref="Token"/> nor <see cref="TokenProvider"/> is set.</summary>
    public const string TokenVariable = "FOUNDRY_TOKEN";

    /// <summary>Host root, e.g. <c>https://example.palantirfoundry.com</c>. Defaults to <c>FOUNDRY_URL</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>A static bearer token. Defaults to <c>FOUNDRY_TOKEN</c>. Never printed.</summary>
    public string? Token { get; set; }

    /// <summary>Supplies a bearer token per request (wins over <see cref="Token"/>), e.g. an OAuth2 client.</summary>
    public Func<CancellationToken, ValueTask<string>>? TokenProvider { get; set; }

    /// <summary>A token source that can refresh (e.g. <see cref="FoundryOAuth2TokenProvider"/>); wins over the others.</summary>
    public IFoundryTokenProvider? Credentials { get; set; }

    /// <summary>
    /// DANGER: when true, the bearer token is sent over plain <c>http://</c> to hosts other than this machine, where
    /// anyone on the network path can read it. By default such a call fails before anything is sent
    /// (<see cref="InvalidOperationException"/>); loopback (<c>localhost</c>, 127.0.0.0/8, <c>::1</c>) is always allowed.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Project RIDs usage is attributed to (the <c>attribution</c> header).</summary>
    public IList<string> AttributionRids { get; } = new List<string>();

    public string UserAgent { get; set; } = "Foundry.Generated/1.0";

    /// <summary>How model ids go on the wire (RID by default).</summary>
    public ModelIdWireFormat ModelIdWireFormat { get; set; } = ModelIdWireFormat.Rid;

    /// <summary>Retries after the first attempt, for 429/502/503/504 and connection failures before any response byte.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff when the server gives no <c>Retry-After</c>; doubled per retry, plus jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Longest single wait before a retry. A server that asks (<c>Retry-After</c>) for longer is not waited for: the
    /// call fails at once with <see cref="FoundryApiException.RetryAfter"/> set, so the caller can reschedule.
    /// </summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest time one call spends waiting between retries, all waits together; a wait that would go past it is not
    /// started and the call fails with the last error. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns the
    /// budget off.
    /// </summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A stream that sends nothing for this long fails (instead of a total timeout that would cut healthy long streams).</summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Whole-call limit for non-streaming requests.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// When false (the default), a stream that ends without its route's terminal event (e.g. <c>response.completed</c>,
    /// <c>message_stop</c>, <c>[DONE]</c>) fails with <see cref="FoundryStreamFailure.Truncated"/> after the events that
    /// arrived. Set it only for a lenient server that is known to end streams without one.
    /// </summary>
    public bool AllowMissingStreamTerminal { get; set; }

    /// <summary>
    /// A Responses <c>response.incomplete</c> (the answer was cut by <c>max_output_tokens</c> or a content filter) fails
    /// the stream with <see cref="FoundryStreamFailure.Incomplete"/> (its reason as <c>ErrorCode</c>) after the event,
    /// so a caller of <c>StreamTextAsync</c>, which sees only text, can tell a partial answer from a whole one. Off by
    /// default: an incomplete response is an answer, and <c>StreamAsync</c> and the IChatClient finish reason show it.
    /// </summary>
    public bool FailOnIncompleteResponse { get; set; }

    /// <summary>
    /// Largest server-sent event accepted, counted as the bytes of its data. The stream fails with
    /// <see cref="FoundryStreamFailure.EventTooLarge"/> for a larger event, and already while one is arriving, as soon
    /// as its bytes on the wire pass this size plus an eighth (field names, line ends), before it is buffered whole: a
    /// stream's memory stays bounded by about twice this size even when a line never ends.
    /// </summary>
    public int MaxEventBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Largest error body read from a failed response (the rest is not read): enough for any real error, and a bound
    /// on what a misbehaving server can make a failing call hold.
    /// </summary>
    public int MaxErrorBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Largest successful (non-streaming) response accepted. A longer body is not read on: the call fails with a
    /// <see cref="FoundryApiException"/> (status 200) saying so, at once when the server declares its length. The
    /// default leaves room for answers carrying generated images.
    /// </summary>
    public int MaxResponseBytes { get; set; } = 64 * 1024 * 1024;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; set; }

    internal Uri ResolveProxyRoot()
    {
        var baseUrl = BaseUrl;
        if (baseUrl is null)
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(UrlVariable);
            if (string.IsNullOrWhiteSpace(fromEnvironment) || !Uri.TryCreate(fromEnvironment, UriKind.Absolute, out baseUrl))
            {
                throw new InvalidOperationException($"No Foundry URL: set FoundryClientOptions.BaseUrl or the {UrlVariable} environment variable (e.g. https://example.palantirfoundry.com).");
            }
        }

        var text = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(text + "/api/v2/llm/proxy/", UriKind.Absolute);
    }

    /// <summary>A configuration error (no token and no provider), raised before a provider is asked.</summary>
    internal void EnsureToken()
    {
        if (Credentials is null && TokenProvider is null && string.IsNullOrEmpty(Token ?? Environment.GetEnvironmentVariable(TokenVariable)))
        {
            throw NoToken();
        }
    }

    private static InvalidOperationException NoToken()
        => new($"No Foundry token: set FoundryClientOptions.Token, a TokenProvider, or the {TokenVariable} environment variable.");

    internal async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Credentials is { } credentials)
        {
            return await credentials.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }

        if (TokenProvider is { } provider)
        {
            return await provider(cancellationToken).ConfigureAwait(false);
        }

        var token = Token ?? Environment.GetEnvironmentVariable(TokenVariable);
        return string.IsNullOrEmpty(token)
            ? throw NoToken()
            : token;
    }

    /// <summary>The attribution RIDs a call sends: the call's own (<see cref="FoundryRequestOptions"/>) or the client's.</summary>
    internal IReadOnlyCollection<string> CallAttribution => _callAttribution ?? (IReadOnlyCollection<string>)AttributionRids;

    /// <summary>A call's extra headers, or null.</summary>
    internal IReadOnlyDictionary<string, string>? CallHeaders { get; private set; }

    /// <summary>A call's <see cref="FoundryRequestOptions.OnResponseHead"/>, or null.</summary>
    internal Action<FoundryResponseHead>? CallResponseHead { get; private set; }

    private IReadOnlyList<string>? _callAttribution;

    /// <summary>A copy for one call with <paramref name="call"/>'s settings over these (the token settings shared).</summary>
    internal FoundryClientOptions ForCall(FoundryRequestOptions call)
    {
        var copy = (FoundryClientOptions)MemberwiseClone();
        copy._callAttribution = call.AttributionRids ?? _callAttribution;
        copy.CallHeaders = call.Headers ?? CallHeaders;
        copy.RequestTimeout = call.RequestTimeout ?? RequestTimeout;
        copy.MaxRetries = call.MaxRetries ?? MaxRetries;
        copy.StreamIdleTimeout = call.StreamIdleTimeout ?? StreamIdleTimeout;
        copy.CallResponseHead = call.OnResponseHead;
        return copy;
    }

    /// <summary>Shows the settings without the token.</summary>
    public override string ToString()
        => $"FoundryClientOptions {{ BaseUrl = {BaseUrl?.ToString() ?? "$" + UrlVariable}, Token = {(Token is null && TokenProvider is null && Credentials is null ? "$" + TokenVariable : "***")}, Attribution = [{string.Join(", ", AttributionRids)}], ModelIdWireFormat = {ModelIdWireFormat}, MaxRetries = {MaxRetries} }}";
}
