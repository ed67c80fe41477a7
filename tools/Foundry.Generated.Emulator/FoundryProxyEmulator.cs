using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Foundry.Generated.Emulator;

/// <summary>
/// The Foundry LLM proxy emulator on 127.0.0.1: a Kestrel host over a <see cref="FakeFoundry"/> (all 8 routes,
/// bearer auth, model/route checks against the checked-in catalog, each provider's streaming framing, scripted
/// replies and per-request fault injection), for code that builds its own <c>HttpClient</c> or runs out of process.
/// </summary>
public sealed class FoundryProxyEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _openConnections;
    private int _stopped;

    private FoundryProxyEmulator(WebApplication app, FakeFoundry foundry)
    {
        _app = app;
        Foundry = foundry;
    }

    /// <summary>The fake this emulator serves: script replies on it (<see cref="FakeFoundry.Enqueue"/>) and read what it received.</summary>
    public FakeFoundry Foundry { get; }

    /// <summary>Host root, e.g. <c>http://127.0.0.1:54321/</c> (clients append <c>api/v2/llm/proxy/...</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The bearer token this emulator accepts now.</summary>
    public string Token => Foundry.Token;

    /// <summary>Tokens handed out by the OAuth2 endpoint.</summary>
    public int TokensIssued => Foundry.TokensIssued;

    /// <summary>Accept a new token from now on (the old one gets 401), as when a token is revoked.</summary>
    public void RotateToken() => Foundry.RotateToken();

    /// <summary>TCP connections currently open (to observe that a cancelled client closed its connection).</summary>
    public int OpenConnections => Volatile.Read(ref _openConnections);

    public int ActiveStreams => Foundry.ActiveStreams;

    /// <summary>Streams the client stopped before the end.</summary>
    public int AbortedStreams => Foundry.AbortedStreams;

    /// <summary>What the emulator saw of each request (never the token); <see cref="FakeFoundry.Requests"/> has more.</summary>
    public IReadOnlyList<EmulatedRequest> Requests
        => Foundry.Requests.Select(r => new EmulatedRequest(r.Route ?? "unknown", r.Model, r.Attribution, r.Fault, r.Status) { Body = r.Body.Length > 0 ? r.BodyText : null }).ToArray();

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
        emulator = new FoundryProxyEmulator(app, new FakeFoundry(options));

        // Every path goes to the engine: it answers the proxy routes, the OAuth2 token endpoint, and 404 otherwise.
        app.Run(context => KestrelExchange.HandleAsync(context, emulator.Foundry));
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
    public void EnqueueFault(EmulatorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Foundry.EnqueueFault(fault.ToFault());
    }

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
}
