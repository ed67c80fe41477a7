using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Consumer.Tests.Sse;

/// <summary>The recorded transcripts in tests/fixtures/sse (see SOURCES.md), and a client that is answered with given bytes.</summary>
internal static class RecordedStream
{
    public const string EventStream = "text/event-stream";

    /// <summary>Read sizes the stream tests use: the whole body in one read, one byte, and pieces of 7 and 100 bytes.</summary>
    public static readonly int[] ReadSizes = [int.MaxValue, 1, 7, 100];

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures", "sse");

    public static string PathOf(string fixture) => Path.Combine(Directory, fixture);

    /// <summary>The recordings' manifest (the format <c>FoundryRecording.Load</c> and <c>foundry-llm probe --record</c> share).</summary>
    public static string Manifest => PathOf("manifest.json");

    public static byte[] Bytes(string fixture) => File.ReadAllBytes(PathOf(fixture));

    /// <summary>A client whose every request is answered 200 <c>text/event-stream</c> with <paramref name="body"/>; no sockets.</summary>
    public static FoundryLlmClient Client(byte[] body, int? maxEventBytes = null)
    {
        var options = new FoundryClientOptions { BaseUrl = new Uri("http://localhost/"), Token = "t" };
        if (maxEventBytes is { } max)
        {
            options.MaxEventBytes = max;
        }

        return new FoundryLlmClient(options, new HttpClient(new Handler(body)));
    }

    /// <summary>
    /// A client answered 200 with <paramref name="body"/> handed out <paramref name="readSize"/> bytes per read at most
    /// (<see cref="int.MaxValue"/>: one read), with the given content type (null: none); no sockets.
    /// </summary>
    public static FoundryLlmClient Client(byte[] body, int readSize, Action<FoundryClientOptions>? configure = null, string? contentType = EventStream)
    {
        var options = new FoundryClientOptions { BaseUrl = new Uri("http://localhost/"), Token = "t" };
        configure?.Invoke(options);
        return new FoundryLlmClient(options, new HttpClient(new SplitHandler(body, readSize, contentType)));
    }

    private sealed class Handler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(EventStream);
            return Task.FromResult(response);
        }
    }

    private sealed class SplitHandler(byte[] body, int readSize, string? contentType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var cuts = readSize >= body.Length ? [] : Enumerable.Range(1, (body.Length - 1) / readSize).Select(i => i * readSize).ToArray();
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new SplitStream(body, cuts), Math.Max(1, Math.Min(readSize, 4096))) };
            if (contentType != null)
            {
                response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            return Task.FromResult(response);
        }
    }
}
