using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Foundry.Generated.Emulator;

/// <summary>
/// An in-process emulator of the Foundry LLM proxy on 127.0.0.1: all 8 routes, bearer auth, model/route checks
/// against the checked-in catalog, each provider's streaming framing, and per-request fault injection.
/// </summary>
public sealed class FoundryProxyEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<EmulatorFault> _faults = new();
    private readonly ConcurrentQueue<EmulatedRequest> _requests = new();
    private int _openConnections;
    private int _activeStreams;
    private int _abortedStreams;

    private string _token;
    private int _tokensIssued;
    private int _stopped;

    private FoundryProxyEmulator(WebApplication app, string token, ModelCatalog catalog, TimeSpan eventDelay, EmulatorEnrollment? enrollment, bool validateRequests)
    {
        ValidateRequests = validateRequests;
        _app = app;
        _token = token;
        Catalog = catalog;
        EventDelay = eventDelay;
        Enrollment = enrollment;
    }

    /// <summary>Host root, e.g. <c>http://127.0.0.1:54321/</c> (clients append <c>api/v2/llm/proxy/...</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The bearer token this emulator accepts now.</summary>
    public string Token => Volatile.Read(ref _token);

    /// <summary>Tokens handed out by the OAuth2 endpoint.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Accept a new token from now on (the old one gets 401), as when a token is revoked.</summary>
    public void RotateToken() => Volatile.Write(ref _token, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    /// <summary>TCP connections currently open (to observe that a cancelled client closed its connection).</summary>
    public int OpenConnections => Volatile.Read(ref _openConnections);

    public int ActiveStreams => Volatile.Read(ref _activeStreams);

    /// <summary>Streams the client stopped before the end.</summary>
    public int AbortedStreams => Volatile.Read(ref _abortedStreams);

    public IReadOnlyList<EmulatedRequest> Requests => _requests.ToArray();

    internal ModelCatalog Catalog { get; }

    internal TimeSpan EventDelay { get; }

    internal EmulatorEnrollment? Enrollment { get; }

    internal bool ValidateRequests { get; }

    public static async Task<FoundryProxyEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, NoSignalLifetime>();
        FoundryProxyEmulator? emulator = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            listen.Use(next => async connection =>
            {
                Interlocked.Increment(ref emulator!._openConnections);
                try
                {
                    await next(connection);
                }
                finally
                {
                    Interlocked.Decrement(ref emulator._openConnections);
                }
            })));
        var app = builder.Build();
        emulator = new FoundryProxyEmulator(app, options.Token ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), LoadCatalog(), options.EventDelay, options.Enrollment, options.ValidateRequests);
        var endpoint = new ProxyEndpoint(emulator);
        app.MapPost("/api/v2/llm/proxy/{**path}", endpoint.HandleAsync);
        app.MapPost("/multipass/api/oauth2/token", context => OAuth2Endpoint.HandleAsync(context, emulator, options));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            // e.g. the port is taken: the caller gets the exception, not a half-started host.
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return emulator;
    }

    /// <summary>The next request without a fault header gets this fault.</summary>
    public void EnqueueFault(EmulatorFault fault) => _faults.Enqueue(fault);

    internal EmulatorFault? TakeFault() => _faults.TryDequeue(out var fault) ? fault : null;

    internal void Record(EmulatedRequest request) => _requests.Enqueue(request);

    internal string IssueToken()
    {
        Interlocked.Increment(ref _tokensIssued);
        return Token;
    }

    internal void StreamStarted() => Interlocked.Increment(ref _activeStreams);

    internal void StreamEnded() => Interlocked.Decrement(ref _activeStreams);

    internal void StreamAbortedByClient() => Interlocked.Increment(ref _abortedStreams);

    /// <summary>Stops listening; requests in flight may finish until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }

    private static ModelCatalog LoadCatalog()
    {
        using var stream = typeof(FoundryProxyEmulator).Assembly.GetManifestResourceStream("model-catalog.json")
            ?? throw new InvalidOperationException("model-catalog.json is not embedded");
        using var reader = new StreamReader(stream);
        var result = CatalogReader.Read(reader.ReadToEnd());
        return result.Catalog ?? throw new InvalidOperationException("The embedded catalog has problems: " + string.Join("; ", result.Problems.Select(p => p.Message)));
    }
}
