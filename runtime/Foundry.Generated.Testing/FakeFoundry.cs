using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Catalog;

namespace Foundry.Generated.Testing;

/// <summary>
/// A fake Foundry LLM proxy for tests: every route with each provider's real framing, bearer auth, the catalog's
/// model/route rules, request validation against the spec, scripted replies and faults, and the requests it received.
/// In memory through <see cref="CreateHandler"/> or <see cref="CreateClient"/> (no ports; one fake per test keeps
/// tests parallel-safe), or on 127.0.0.1 through <see cref="StartLoopbackAsync"/> (Foundry.Generated.Emulator serves the
/// same engine on Kestrel). Deterministic: no clock, no randomness in replies.
/// </summary>
public sealed class FakeFoundry
{
    /// <summary>The host root in-memory clients are given; nothing is ever sent to it.</summary>
    public static readonly Uri InMemoryBaseUrl = new("https://foundry.test/");

    // Built once per process: the catalog and the spec's schemas are read-only.
    private static readonly Lazy<ModelCatalog> SharedCatalog = new(LoadCatalog);

    private readonly object _gate = new();
    private readonly List<ScriptedRule> _queued = new();
    private readonly List<ScriptedRule> _always = new();
    private readonly Queue<FoundryFault> _faults = new();
    private readonly List<CapturedRequest> _requests = new();
    private readonly ReplyEngine _engine;
    private string _token;
    private int _tokensIssued;
    private int _activeStreams;
    private int _abortedStreams;

    public FakeFoundry(FakeFoundryOptions? options = null)
    {
        Options = options ?? new FakeFoundryOptions();
        _token = Options.Token ?? NewToken();
        _engine = new ReplyEngine(this);
    }

    /// <summary>The bearer token this fake accepts now.</summary>
    public string Token => Volatile.Read(ref _token);

    /// <summary>Tokens handed out by the OAuth2 endpoint.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Streams being written now.</summary>
    public int ActiveStreams => Volatile.Read(ref _activeStreams);

    /// <summary>Streams the client stopped before the end.</summary>
    public int AbortedStreams => Volatile.Read(ref _abortedStreams);

    /// <summary>Every request received, in order (the token is never kept).</summary>
    public IReadOnlyList<CapturedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>The last request received; fails when there was none.</summary>
    public CapturedRequest LastRequest => Requests.LastOrDefault() ?? throw new InvalidOperationException("The fake Foundry has received no request.");

    /// <summary>Scripted replies (<see cref="Enqueue"/>) no request has taken yet.</summary>
    public IReadOnlyList<FoundryReply> PendingReplies
    {
        get
        {
            lock (_gate)
            {
                return _queued.Select(r => r.Reply).ToArray();
            }
        }
    }

    internal FakeFoundryOptions Options { get; }

    internal ModelCatalog Catalog => SharedCatalog.Value;

    /// <summary>
    /// The next request on <paramref name="route"/> (any when null) for <paramref name="model"/> (a catalog id or RID;
    /// any when null) gets <paramref name="reply"/>, once. Replies queue in order; a request takes the first that matches.
    /// </summary>
    public FakeFoundry Enqueue(FoundryReply reply, string? route = null, string? model = null)
    {
        var rule = Rule(reply, route, model);
        lock (_gate)
        {
            _queued.Add(rule);
        }

        return this;
    }

    /// <summary>Every request on <paramref name="route"/> for <paramref name="model"/> that no queued reply matches gets
    /// <paramref name="reply"/> (the latest such rule wins).</summary>
    public FakeFoundry ReplyAlways(FoundryReply reply, string? route = null, string? model = null)
    {
        var rule = Rule(reply, route, model);
        lock (_gate)
        {
            _always.Insert(0, rule);
        }

        return this;
    }

    /// <summary>Throws when a queued reply was never taken: the code under test made fewer calls than scripted.</summary>
    public void VerifyAllRepliesUsed()
    {
        lock (_gate)
        {
            if (_queued.Count > 0)
            {
                throw new FakeFoundryException($"{_queued.Count} scripted repl{(_queued.Count == 1 ? "y was" : "ies were")} never requested: {string.Join("; ", _queued)}. Requests received: {Describe(_requests)}.");
            }
        }
    }

    /// <summary>The next request without a fault header gets this fault (on top of its reply).</summary>
    public void EnqueueFault(FoundryFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _faults.Enqueue(fault);
        }
    }

    /// <summary>Accept a new token from now on (the old one gets 401), as when a token is revoked.</summary>
    public void RotateToken() => Volatile.Write(ref _token, NewToken());

    /// <summary>An in-memory handler that answers as this fake: give it to an <see cref="HttpClient"/>.</summary>
    public HttpMessageHandler CreateHandler() => new InMemoryHandler(this);

    /// <summary>An <see cref="HttpClient"/> over <see cref="CreateHandler"/>, no timeout (the client's options set them).</summary>
    public HttpClient CreateHttpClient() => new(CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Client options pointed at this fake (base URL, token, short retry delays so tests stay fast).</summary>
    public FoundryClientOptions CreateClientOptions(Action<FoundryClientOptions>? configure = null)
    {
        var options = new FoundryClientOptions { BaseUrl = InMemoryBaseUrl, Token = Token, RetryBaseDelay = TimeSpan.FromMilliseconds(1) };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A <see cref="FoundryLlmClient"/> that talks to this fake in memory.</summary>
    public FoundryLlmClient CreateClient(Action<FoundryClientOptions>? configure = null) => new(CreateClientOptions(configure), CreateHttpClient());

    /// <summary>
    /// This fake on a real 127.0.0.1 socket (a free port), for code that builds its own <see cref="HttpClient"/> or runs
    /// in another process: <c>await using var server = await foundry.StartLoopbackAsync(); server.BaseAddress</c>.
    /// Same replies, faults and captured requests as in memory; dispose it to stop.
    /// </summary>
    public Task<FakeFoundryLoopback> StartLoopbackAsync(CancellationToken cancellationToken = default) => FakeFoundryLoopback.StartAsync(this, cancellationToken);

    /// <summary>Answers one request (the front ends call this).</summary>
    internal Task HandleAsync(FakeRequest request, IReplySink sink, CancellationToken cancellationToken) => _engine.HandleAsync(request, sink, cancellationToken);

    internal FoundryFault? TakeFault()
    {
        lock (_gate)
        {
            return _faults.TryDequeue(out var fault) ? fault : null;
        }
    }

    /// <summary>The scripted reply for a request: the first queued one that matches (taken), else the latest matching
    /// rule. A replayed recording must match <paramref name="body"/> too
    /// (<see cref="FakeFoundryOptions.RecordingMatch"/>); <paramref name="mismatch"/> says how the first recording
    /// that matched route and model differs when none matched.</summary>
    internal FoundryReply? TakeReply(string route, string? modelId, string? model, System.Text.Json.JsonElement body, out string? mismatch)
    {
        mismatch = null;
        lock (_gate)
        {
            foreach (var rules in new[] { _queued, _always })
            {
                for (var index = 0; index < rules.Count; index++)
                {
                    var rule = rules[index];
                    if (!rule.Matches(route, modelId, model))
                    {
                        continue;
                    }

                    if (rule.Reply.Recording is { } recording && RecordingDifference(recording, modelId, model, body) is { } difference)
                    {
                        mismatch ??= $"The request does not match {recording}: {difference}."
                            + (Options.RecordingMatch == FoundryRecordingMatch.Request && recording.Request is not null ? " (FakeFoundryOptions.RecordingMatch = RouteAndModel matches on route and model only.)" : string.Empty);
                        continue;
                    }

                    if (ReferenceEquals(rules, _queued))
                    {
                        rules.RemoveAt(index);
                    }

                    return rule.Reply;
                }
            }

            return null;
        }
    }

    private string? RecordingDifference(FoundryRecording recording, string? modelId, string? model, System.Text.Json.JsonElement body)
    {
        bool SameModel(string? expected, string? actual)
            => string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase)
               || (Catalog.Find(expected ?? string.Empty)?.Id is { } id && string.Equals(id, Catalog.Find(actual ?? string.Empty)?.Id, StringComparison.OrdinalIgnoreCase));

        if (Options.RecordingMatch == FoundryRecordingMatch.Request && recording.Request is { } request && body.ValueKind != System.Text.Json.JsonValueKind.Undefined)
        {
            using var expected = System.Text.Json.JsonDocument.Parse(request);
            return JsonDifference.First(expected.RootElement, body, SameModel);
        }

        return recording.Model is { } recorded && !SameModel(recorded, modelId ?? model)
            ? $"model: expected {recorded}, actual {modelId ?? model ?? "none"}"
            : null;
    }

    /// <summary>Why no scripted reply matched, for the 500 a fake that requires scripts answers.</summary>
    internal string NoScriptMessage(string route, string? modelId, string? model)
    {
        lock (_gate)
        {
            var scripts = _queued.Concat(_always).ToList();
            return $"The fake Foundry has no scripted reply for {route} with model '{modelId ?? model}'. "
                + (scripts.Count == 0 ? "Nothing is scripted (FakeFoundry.Enqueue)." : "Scripted: " + string.Join("; ", scripts.Select(r => $"{r} differs: {r.Difference(route, modelId ?? model)}")) + ".");
        }
    }

    internal void Record(CapturedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    internal string IssueToken()
    {
        Interlocked.Increment(ref _tokensIssued);
        return Token;
    }

    internal void StreamStarted() => Interlocked.Increment(ref _activeStreams);

    internal void StreamEnded() => Interlocked.Decrement(ref _activeStreams);

    internal void StreamAbortedByClient() => Interlocked.Increment(ref _abortedStreams);

    private ScriptedRule Rule(FoundryReply reply, string? route, string? model)
    {
        ArgumentNullException.ThrowIfNull(reply);
        RouteIds.Check(route);
        if (route is not null && reply.Vectors is not null && route != Runtime.FoundryRoutes.OpenAiEmbeddings)
        {
            throw new ArgumentException($"An embeddings reply ({reply}) answers {Runtime.FoundryRoutes.OpenAiEmbeddings}, not {route}.", nameof(route));
        }

        if (route == Runtime.FoundryRoutes.OpenAiEmbeddings && (reply.TextChunks.Length > 0 || reply.ToolCalls.Length > 0 || reply.RefusalText is not null || reply.ReasoningChunks.Length > 0))
        {
            throw new ArgumentException($"An {route} request gets vectors (FoundryReply.Embedding), not {reply}.", nameof(reply));
        }
        if (model is null)
        {
            return new ScriptedRule(reply, route, null);
        }

        // A script no request can reach is a mistake in the test: say so now, not as a reply that never comes.
        var known = Catalog.Find(model);
        if (known is null)
        {
            var suggestions = Catalog.Suggest(model);
            throw new ArgumentException($"The catalog has no model '{model}'" + (suggestions.Count > 0 ? $"; did you mean {string.Join(" or ", suggestions)}?" : "."), nameof(model));
        }

        if (route is not null && reply.Error is null && !known.SupportsRoute(route))
        {
            throw new ArgumentException($"Model {known.Id} does not work on {route} (the catalog says so; the fake answers such a request with Foundry's error, not a script).", nameof(model));
        }

        return new ScriptedRule(reply, route, known.Id);
    }

    private static string Describe(IReadOnlyCollection<CapturedRequest> requests)
        => requests.Count == 0 ? "none" : string.Join("; ", requests.Select(r => r.ToString()));

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static ModelCatalog LoadCatalog()
    {
        using var stream = typeof(FakeFoundry).Assembly.GetManifestResourceStream("model-catalog.json")
            ?? throw new InvalidOperationException("model-catalog.json is not embedded");
        using var reader = new StreamReader(stream);
        var result = CatalogReader.Read(reader.ReadToEnd());
        return result.Catalog ?? throw new InvalidOperationException("The embedded catalog has problems: " + string.Join("; ", result.Problems.Select(p => p.Message)));
    }

    /// <summary>A scripted reply and what it answers: a route and a model (catalog id, or the text given), null for any.</summary>
    private sealed record ScriptedRule(FoundryReply Reply, string? Route, string? Model)
    {
        public bool Matches(string route, string? modelId, string? model)
            => (Route is null || Route == route)
               && (Model is null || string.Equals(Model, modelId, StringComparison.OrdinalIgnoreCase) || string.Equals(Model, model, StringComparison.OrdinalIgnoreCase));

        public override string ToString() => $"{Reply} (route {Route ?? "any"}, model {Model ?? "any"})";

        /// <summary>What keeps this rule from a request, e.g. <c>route openai-chat-completions, not openai-responses</c>.</summary>
        public string Difference(string route, string? model)
        {
            var differences = new List<string>();
            if (Route is not null && Route != route)
            {
                differences.Add($"route {Route}, not {route}");
            }

            if (Model is not null && !string.Equals(Model, model, StringComparison.OrdinalIgnoreCase))
            {
                differences.Add($"model {Model}, not {model}");
            }

            return differences.Count == 0 ? "nothing" : string.Join(" and ", differences);
        }
    }
}
