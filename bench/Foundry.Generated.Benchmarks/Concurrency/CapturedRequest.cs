using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;

namespace Foundry.Generated.Benchmarks.Concurrency;

/// <summary>The URI, headers and body the generated client sends for a request, captured once, replayable raw.</summary>
internal sealed class CapturedRequest
{
    private CapturedRequest(Uri uri, byte[] body, List<KeyValuePair<string, string[]>> headers, List<KeyValuePair<string, string[]>> contentHeaders)
    {
        Uri = uri;
        Body = body;
        Headers = headers;
        ContentHeaders = contentHeaders;
    }

    public Uri Uri { get; }

    public byte[] Body { get; }

    private List<KeyValuePair<string, string[]>> Headers { get; }

    private List<KeyValuePair<string, string[]>> ContentHeaders { get; }

    public static async Task<CapturedRequest> CaptureAsync(FoundryClientOptions options, CreateResponse request)
    {
        var handler = new CaptureHandler();
        using (var client = new FoundryLlmClient(options, new HttpClient(handler)))
        {
            await foreach (var _ in client.OpenAiResponses.StreamAsync(request))
            {
            }
        }

        return handler.Captured ?? throw new InvalidOperationException("the generated client sent nothing");
    }

    public HttpRequestMessage NewMessage()
    {
        var message = new HttpRequestMessage(HttpMethod.Post, Uri) { Content = new ByteArrayContent(Body) };
        foreach (var (name, values) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, values);
        }

        foreach (var (name, values) in ContentHeaders)
        {
            message.Content.Headers.TryAddWithoutValidation(name, values);
        }

        return message;
    }

    private sealed class CaptureHandler : HttpMessageHandler
    {
        public CapturedRequest? Captured { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            Captured = new CapturedRequest(
                request.RequestUri!,
                body,
                request.Headers.Where(h => h.Key is not ("traceparent" or "tracestate")).Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray())).ToList(),
                request.Content?.Headers.Where(h => h.Key != "Content-Length").Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray())).ToList() ?? new());
            var response = new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("event: response.completed\ndata: {\"type\":\"response.completed\",\"sequence_number\":0,\"response\":{\"id\":\"r\",\"object\":\"response\",\"created_at\":0,\"status\":\"completed\",\"model\":\"m\",\"output\":[],\"parallel_tool_calls\":true,\"tool_choice\":\"auto\",\"tools\":[]}}\n\n", Encoding.UTF8),
                RequestMessage = request,
            };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
            return response;
        }
    }
}
