using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Foundry.Generated.Runtime;

namespace Foundry.Generated.Testing;

/// <summary>
/// What the fake received in one request, for a test to assert on: the route and model it understood, the headers
/// (never <c>Authorization</c>: the token is not stored), the body as sent, and the status it answered.
/// </summary>
public sealed record CapturedRequest
{
    private readonly ReadOnlyMemory<byte> _body;

    internal CapturedRequest(string method, string path, string query, IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> body)
    {
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        _body = body;
    }

    public string Method { get; }

    /// <summary>The path as sent, e.g. <c>/api/v2/llm/proxy/openai/v1/responses</c>.</summary>
    public string Path { get; }

    /// <summary>The query string with its <c>?</c>, or empty.</summary>
    public string Query { get; }

    /// <summary>The route id (e.g. <c>openai-responses</c>, see <see cref="FoundryRoutes"/>), null when no route matched.</summary>
    public string? Route { get; internal init; }

    /// <summary>The model as sent (a RID or a friendly id), null when the request had none.</summary>
    public string? Model { get; internal init; }

    /// <summary>The model's catalog id (e.g. <c>gpt-5-mini</c>) when the catalog knows the model sent.</summary>
    public string? ModelId { get; internal init; }

    /// <summary>True when the request asked for a stream (<c>"stream": true</c>, or Gemini's stream path).</summary>
    public bool Stream { get; internal init; }

    /// <summary>The last user text the fake found in the body, whatever the provider's message shape.</summary>
    public string? Prompt { get; internal init; }

    /// <summary>Request headers (names lower-case), without <c>Authorization</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The <c>attribution</c> header (project RIDs usage is attributed to).</summary>
    public string? Attribution => Header("attribution");

    /// <summary>The W3C <c>traceparent</c> header.</summary>
    public string? TraceParent => Header("traceparent");

    /// <summary>True when the request carried the bearer token the fake accepts (the token itself is not kept).</summary>
    public bool Authorized { get; internal init; }

    /// <summary>The fault applied to this request, in <see cref="FoundryFault"/>'s grammar; null for none.</summary>
    public string? Fault { get; internal init; }

    /// <summary>True when a scripted reply answered (not the emulated one).</summary>
    public bool Scripted { get; internal init; }

    /// <summary>The HTTP status the fake answered.</summary>
    public int Status { get; internal init; }

    /// <summary>The body bytes exactly as sent.</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(_body.Span);

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    /// <summary>
    /// The body read as a generated request type, e.g. <c>Decode&lt;CreateResponse&gt;()</c>, with the generated
    /// reader (no reflection). See <see cref="RequestTypeOf"/> for each route's type.
    /// </summary>
    public T Decode<T>() where T : IFoundryJsonReadable<T>
    {
        var reader = new Utf8JsonReader(_body.Span);
        if (!reader.Read())
        {
            throw new InvalidOperationException($"The {Method} {Path} request has no body to decode as {typeof(T).Name}.");
        }

        return T.ReadJson(ref reader);
    }

    /// <summary>The body read as its route's generated request type (<see cref="RequestTypeOf"/>), e.g. an
    /// <c>OpenAi.CreateResponse</c> for <c>openai-responses</c>; null when no route matched.</summary>
    public object? DecodeRequest() => Route switch
    {
        null => null,
        FoundryRoutes.OpenAiChatCompletions => Decode<OpenAi.CreateChatCompletionRequest>(),
        FoundryRoutes.OpenAiResponses => Decode<OpenAi.CreateResponse>(),
        FoundryRoutes.OpenAiEmbeddings => Decode<OpenAi.CreateEmbeddingRequest>(),
        FoundryRoutes.AnthropicMessages => Decode<Anthropic.CreateMessageParams>(),
        FoundryRoutes.GoogleGenerateContent => Decode<Gemini.GenerateContentRequest>(),
        FoundryRoutes.XaiChatCompletions => Decode<Xai.CreateChatCompletionRequest>(),
        FoundryRoutes.XaiResponses => Decode<Xai.CreateResponse>(),
        _ => null,
    };

    /// <summary>The precompiled clients' request type of <paramref name="route"/> (what <see cref="DecodeRequest"/> returns).</summary>
    public static Type RequestTypeOf(string route) => route switch
    {
        FoundryRoutes.OpenAiChatCompletions => typeof(OpenAi.CreateChatCompletionRequest),
        FoundryRoutes.OpenAiResponses => typeof(OpenAi.CreateResponse),
        FoundryRoutes.OpenAiEmbeddings => typeof(OpenAi.CreateEmbeddingRequest),
        FoundryRoutes.AnthropicMessages => typeof(Anthropic.CreateMessageParams),
        FoundryRoutes.GoogleGenerateContent => typeof(Gemini.GenerateContentRequest),
        FoundryRoutes.XaiChatCompletions => typeof(Xai.CreateChatCompletionRequest),
        FoundryRoutes.XaiResponses => typeof(Xai.CreateResponse),
        _ => throw new ArgumentException($"'{route}' is not a proxy route; the routes are {string.Join(", ", FoundryRoutes.All)}.", nameof(route)),
    };

    public override string ToString() => $"{Method} {Path}{Query} route={Route ?? "none"} model={Model ?? "none"} -> {Status}";
}
