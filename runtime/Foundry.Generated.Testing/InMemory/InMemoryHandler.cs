using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Testing;

/// <summary>The in-memory front end: each request goes straight to the engine, no socket, no port.</summary>
internal sealed class InMemoryHandler : HttpMessageHandler
{
    private readonly FakeFoundry _foundry;

    public InMemoryHandler(FakeFoundry foundry)
    {
        _foundry = foundry;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers.NonValidated)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers.NonValidated)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }
        }

        var exchange = new InMemoryExchange(request, cancellationToken);
        var fake = new FakeRequest(request.Method.Method, uri.AbsolutePath, uri.Query, headers, body);

        // The engine runs on its own, as a server would: the response returns when its headers are sent, and the
        // body streams while the caller reads it.
        _ = Task.Run(async () =>
        {
            try
            {
                await _foundry.HandleAsync(fake, exchange, exchange.Aborted);
                exchange.Complete(null);
            }
            catch (Exception e)
            {
                exchange.Complete(e);
            }
        }, CancellationToken.None);

        return await exchange.Response.WaitAsync(cancellationToken);
    }
}
