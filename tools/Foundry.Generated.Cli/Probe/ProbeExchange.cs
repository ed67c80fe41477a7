using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Cli.Probe;

/// <summary>The last HTTP exchange of one probe (retries replace it): status, content type, headers, and the body
/// bytes the client read when recording.</summary>
internal sealed class ProbeExchange
{
    public Uri? RequestUri { get; set; }

    public int Status { get; set; }

    public string? ContentType { get; set; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public MemoryStream? Body { get; set; }

    /// <summary>The request body sent (recorded with the reply so a replay can check it is answering the same request).</summary>
    public byte[]? RequestBody { get; set; }

    /// <summary>Foundry's request id, when the reply carried one.</summary>
    public string? RequestId
        => Headers.TryGetValue("x-request-id", out var id) || Headers.TryGetValue("request-id", out id) || Headers.TryGetValue("x-foundry-request-id", out id) ? id : null;
}

/// <summary>The request budget ran out before this request.</summary>
internal sealed class ProbeBudgetExhaustedException() : Exception("The probe's --max-requests budget is spent.");

/// <summary>
/// Under the pipeline: counts every HTTP request against <c>--max-requests</c> (retries too) and records the exchange of
/// the probe that runs in this async flow (<see cref="Current"/>), teeing the body when recording.
/// </summary>
internal sealed class ProbeCaptureHandler(int budget, bool recordBodies) : DelegatingHandler(new SocketsHttpHandler())
{
    private static readonly string[] KeptHeaders = { "x-request-id", "request-id", "x-foundry-request-id", "retry-after", "content-type", "traceparent" };
    private static readonly AsyncLocal<ProbeExchange?> CurrentExchange = new();
    private readonly int _budget = budget;
    private int _remaining = budget;

    public static ProbeExchange? Current
    {
        get => CurrentExchange.Value;
        set => CurrentExchange.Value = value;
    }

    public int Sent => _budget - Math.Max(0, Volatile.Read(ref _remaining));

    public bool Exhausted => Volatile.Read(ref _remaining) <= 0;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _remaining) < 0)
        {
            throw new ProbeBudgetExhaustedException();
        }

        byte[]? requestBody = null;
        if (recordBodies && Current is not null && request.Content is { } content)
        {
            // Buffered first, so reading it here leaves it for the handler to send.
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            requestBody = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (Current is { } exchange)
        {
            exchange.RequestUri = request.RequestUri;
            exchange.RequestBody = requestBody;
            exchange.Status = (int)response.StatusCode;
            exchange.ContentType = response.Content.Headers.ContentType?.ToString();
            exchange.Headers.Clear();
            foreach (var header in response.Headers)
            {
                if (Array.IndexOf(KeptHeaders, header.Key.ToLowerInvariant()) >= 0)
                {
                    exchange.Headers[header.Key.ToLowerInvariant()] = string.Join(", ", header.Value);
                }
            }

            if (recordBodies)
            {
                exchange.Body = new MemoryStream();
                var original = response.Content;
                var tee = new StreamContent(new TeeStream(await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), exchange.Body));
                foreach (var header in original.Headers)
                {
                    tee.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                response.Content = tee;
            }
        }

        return response;
    }

    /// <summary>Reads through to the inner stream and keeps a copy of every byte read.</summary>
    private sealed class TeeStream(Stream inner, Stream copy) : Foundry.Generated.Runtime.ReadOnlyWrapperStream(inner)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Inner.Read(buffer, offset, count);
            copy.Write(buffer, offset, n);
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            copy.Write(buffer.Span[..n]);
            return n;
        }
    }
}
