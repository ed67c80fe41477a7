using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Foundry.Generated.Benchmarks;

/// <summary>Answers every request with the same event-stream bytes (no sockets in the measurement).</summary>
internal sealed class InMemoryHandler(byte[] body) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body), RequestMessage = request };
        response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
        return Task.FromResult(response);
    }
}
