using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Testing;
using Microsoft.AspNetCore.Http;

namespace Foundry.Generated.Emulator;

/// <summary>The loopback front end: an ASP.NET Core request in, the engine's reply out through Kestrel's response.</summary>
internal sealed class KestrelExchange : IReplySink
{
    private readonly HttpContext _context;

    private KestrelExchange(HttpContext context)
    {
        _context = context;
    }

    public int StatusCode
    {
        get => _context.Response.StatusCode;
        set => _context.Response.StatusCode = value;
    }

    public bool HasStarted => _context.Response.HasStarted;

    public static async Task HandleAsync(HttpContext context, FakeFoundry foundry)
    {
        var aborted = context.RequestAborted;
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, aborted);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in context.Request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        var request = new FakeRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Request.QueryString.Value ?? string.Empty, headers, body.ToArray());
        await foundry.HandleAsync(request, new KestrelExchange(context), aborted);
    }

    public void SetHeader(string name, string value) => _context.Response.Headers[name] = value;

    public Task StartAsync(CancellationToken cancellationToken) => _context.Response.StartAsync(cancellationToken);

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _context.Response.Body.WriteAsync(bytes, cancellationToken);
        await _context.Response.Body.FlushAsync(cancellationToken);
    }

    public void Abort() => _context.Abort();
}
