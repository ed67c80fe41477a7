using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Runtime;

namespace Foundry.Generated.Consumer.Tests.Sse;

/// <summary>The recorded transcripts in tests/fixtures/sse (see SOURCES.md), and a client that is answered with given bytes.</summary>
internal static class RecordedStream
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures", "sse");

    public static string PathOf(string fixture) => Path.Combine(Directory, fixture);

    public static byte[] Bytes(string fixture) => File.ReadAllBytes(PathOf(fixture));

    /// <summary>A client whose every request is answered 200 with <paramref name="body"/>; no sockets.</summary>
    public static FoundryLlmClient Client(byte[] body, int? maxEventBytes = null)
    {
        var options = new FoundryClientOptions { BaseUrl = new Uri("http://localhost/"), Token = "t" };
        if (maxEventBytes is { } max)
        {
            options.MaxEventBytes = max;
        }

        return new FoundryLlmClient(options, new HttpClient(new Handler(body)));
    }

    private sealed class Handler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
    }
}
