using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using Foundry.Generated.Runtime;

namespace Foundry.Generated;

/// <summary>
/// What came before the body of a successful answer: its status, its headers (the response's and the content's, names
/// compared ignoring case) and the request id a support ticket needs. Header values pass the same redaction as
/// exceptions, so a gateway that echoes the bearer token does not hand it to the caller's logs.
/// </summary>
public sealed class FoundryResponseHead
{
    private FoundryResponseHead(HttpStatusCode statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string? requestId)
    {
        StatusCode = statusCode;
        Headers = headers;
        RequestId = requestId;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Every response and content header, each with all its values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The first of <c>x-request-id</c>, <c>request-id</c>, <c>x-foundry-request-id</c>, when the server sent one.</summary>
    public string? RequestId { get; }

    /// <summary>The head of <paramref name="response"/>, its values scrubbed of the call's tokens.</summary>
    internal static FoundryResponseHead From(HttpResponseMessage response, in TokenScrubber scrub)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            Add(headers, name, values, scrub);
        }

        foreach (var (name, values) in response.Content.Headers)
        {
            Add(headers, name, values, scrub);
        }

        return new FoundryResponseHead(response.StatusCode, headers, scrub.ScrubOrNull(RequestIds.Of(response)));
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> headers, string name, IEnumerable<string> values, in TokenScrubber scrub)
    {
        var list = new List<string>();
        foreach (var value in values)
        {
            list.Add(scrub.Scrub(value));
        }

        headers[name] = list;
    }
}
