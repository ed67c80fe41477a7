using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Catalog.Routes;

namespace Foundry.Generated.Testing;

/// <summary>
/// Answers one request as Foundry does: route, auth, fault, model/route check, reply. The one engine of both front
/// ends: it sees bytes and headers, and writes to an <see cref="IReplySink"/> (no ASP.NET Core here).
/// </summary>
internal sealed class ReplyEngine
{
    private const string Root = "/api/v2/llm/proxy/";

    // Built once per process: the spec's schemas do not change, and evaluation does not mutate them.
    private static readonly Lazy<RequestValidator> Validator = new(RequestValidator.FromEmbeddedSpec);

    private readonly FakeFoundry _foundry;

    public ReplyEngine(FakeFoundry foundry)
    {
        _foundry = foundry;
    }

    public async Task HandleAsync(FakeRequest request, IReplySink sink, CancellationToken cancellationToken)
    {
        if (request.Method == "POST" && request.Path == OAuth2Endpoint.Path)
        {
            await OAuth2Endpoint.HandleAsync(request, sink, _foundry, cancellationToken);
            return;
        }

        var path = request.Path;
        var (route, dialect, pathModel, streamPath) = request.Method == "POST" && path.StartsWith(Root, StringComparison.Ordinal)
            ? Match(path.Substring(Root.Length))
            : (null, string.Empty, null, false);
        var fault = request.Header(FoundryFault.Header) is { } header ? FoundryFault.Parse(header) : _foundry.TakeFault();
        var captured = Capture(request, route, fault);

        // Recorded as the response starts (status known, before the client can see a byte of it), so a test that
        // saw the answer, or a dropped stream, finds the request recorded; a request never answered, at the end.
        var recording = new RecordingSink(sink, status => _foundry.Record(captured with { Status = status }));
        try
        {
            await AnswerAsync(request, recording, route, dialect, pathModel, streamPath, fault, cancellationToken, c => captured = c(captured));
        }
        finally
        {
            recording.RecordIfNotStarted();
        }
    }

    private async Task AnswerAsync(FakeRequest request, IReplySink sink, string? route, string dialect, string? pathModel, bool streamPath, FoundryFault? fault, CancellationToken token, Action<Func<CapturedRequest, CapturedRequest>> update)
    {
        if (route is null)
        {
            await ConjureErrors.WriteAsync(sink, 404, "NOT_FOUND", "Default:NotFound", $"no proxy route at {request.Path}", token);
            return;
        }

        if (!IsAuthorized(request))
        {
            await ConjureErrors.WriteAsync(sink, 401, "UNAUTHORIZED", "Default:Unauthorized", "Authentication failed: missing or invalid Bearer token", token);
            return;
        }

        if (fault?.Kind == "status")
        {
            await WriteErrorAsync(sink, StatusError(fault), token);
            return;
        }

        if (route == ProxyRoutes.GoogleGenerateContent && streamPath && !HasQuery(request.QueryString, "alt", "sse"))
        {
            await ConjureErrors.WriteAsync(sink, 400, "INVALID_ARGUMENT", "LanguageModelService:InvalidRequest", "streamGenerateContent requires ?alt=sse", token);
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(request.Body);
        }
        catch (JsonException e)
        {
            await ConjureErrors.WriteAsync(sink, 400, "INVALID_ARGUMENT", "LanguageModelService:InvalidRequest", "request body is not JSON: " + e.Message, token);
            return;
        }

        using (document)
        {
            var call = EmulatedCall.From(route, pathModel, document.RootElement, streamPath);
            var modelId = _foundry.Catalog.Find(call.Model)?.Id;
            var reply = _foundry.TakeReply(route, modelId, call.Model, document.RootElement, out var mismatch);
            update(c => c with { Model = call.Model, ModelId = modelId, Stream = call.Stream, Prompt = call.Prompt, Scripted = reply is not null });
            // A status fault on a scripted reply is an HTTP error like any other.
            if ((reply?.StreamFault is { Kind: "status" } statusFault ? StatusError(statusFault) : reply?.Error) is { } error)
            {
                // A scripted error is what the test wants to see, whatever the body: no validation or model check first.
                await WriteErrorAsync(sink, error, token);
                return;
            }

            if (_foundry.Options.ValidateRequests && Validator.Value.Check(route, document.RootElement) is { } problem)
            {
                // The provider behind the proxy rejects a body of the wrong shape; Foundry passes that on as a 400.
                await ConjureErrors.WriteAsync(sink, 400, "INVALID_ARGUMENT", "LanguageModelService:InvalidRequest", $"the request body does not match the {route} request schema: {problem}", token);
                return;
            }

            if (StructuredFormat.Check(route, document.RootElement) is { } formatProblem)
            {
                // A malformed structured-output format: the provider's 400, passed on by Foundry.
                await ConjureErrors.WriteAsync(sink, 400, "INVALID_ARGUMENT", "LanguageModelService:InvalidRequest", $"invalid structured-output format on {route}: {formatProblem}", token);
                return;
            }

            if (await ModelChecks.RejectAsync(sink, _foundry, call, token))
            {
                return;
            }

            if (reply is null && mismatch is not null)
            {
                // A replayed recording was scripted for this request and it differs: the test learns where.
                await ConjureErrors.WriteAsync(sink, 500, "INTERNAL", "Default:Internal", mismatch, token);
                return;
            }

            if (reply is null && _foundry.Options.RequireScriptedReplies)
            {
                await ConjureErrors.WriteAsync(sink, 500, "INTERNAL", "Default:Internal", _foundry.NoScriptMessage(route, modelId, call.Model), token);
                return;
            }

            if (reply?.StreamFault is { } scriptedFault)
            {
                fault = scriptedFault;
                update(c => c with { Fault = scriptedFault.ToString() });
            }

            if (reply?.Recording is { } recording)
            {
                // Verbatim, or cut/failed/reset/stalled after event N (RecordedStreamWriter).
                await RecordedStreamWriter.WriteAsync(sink, _foundry, recording, fault, dialect, token);
                return;
            }

            if (fault?.Kind == "not-sse")
            {
                sink.StatusCode = 200;
                sink.SetHeader("Content-Type", "text/html; charset=utf-8");
                await sink.WriteAsync(Encoding.UTF8.GetBytes("<html><body><h1>Sign in</h1><p>The fake Foundry answered with a page, not a stream.</p></body></html>"), token);
                return;
            }

            if (reply?.Vectors is { } vectors)
            {
                await WriteEmbeddingsAsync(sink, route, call, document.RootElement, reply, vectors, token);
                return;
            }

            // Embeddings do not stream or chat: a scripted reply there only chooses an error or a fault.
            var events = reply is null || reply.IsEmulated || route == ProxyRoutes.OpenAiEmbeddings
                ? EmulatedReplies.Render(_foundry, call, dialect, document.RootElement, out var json)
                : ScriptedReplies.Render(reply, call, dialect, out json);
            if (json is not null)
            {
                sink.StatusCode = 200;
                sink.SetHeader("Content-Type", "application/json");
                await sink.WriteAsync(Encoding.UTF8.GetBytes(json), token);
                return;
            }

            _foundry.StreamStarted();
            try
            {
                await new EventStreamWriter(sink, fault, dialect, _foundry.Options.EventDelay).WriteAsync(events!, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                _foundry.StreamAbortedByClient();
            }
            finally
            {
                _foundry.StreamEnded();
            }
        }
    }

    private static Task WriteEmbeddingsAsync(IReplySink sink, string route, EmulatedCall call, JsonElement body, FoundryReply reply, System.Collections.Immutable.ImmutableArray<System.Collections.Immutable.ImmutableArray<float>> vectors, CancellationToken token)
    {
        if (route != ProxyRoutes.OpenAiEmbeddings)
        {
            return ConjureErrors.WriteAsync(sink, 500, "INTERNAL", "Default:Internal", $"The fake Foundry has an embeddings reply scripted ({reply}) for a {route} request; script it for {ProxyRoutes.OpenAiEmbeddings}.", token);
        }

        sink.StatusCode = 200;
        sink.SetHeader("Content-Type", "application/json");
        return sink.WriteAsync(Encoding.UTF8.GetBytes(ProviderReplies.ScriptedEmbeddings(call, body, vectors, reply.UsageTokens)), token);
    }

    // status:code=N[;retry-after=S]: 429 is Foundry's rate limit, anything else an internal error.
    private static ScriptedError StatusError(FoundryFault fault)
    {
        var code = fault.Int("code", 429);
        var retryAfter = fault.Int("retry-after", -1);
        return new ScriptedError(code, code == 429 ? "LanguageModelService:RateLimited" : "Default:Internal", "fault injected by the emulator", retryAfter >= 0 ? retryAfter : null);
    }

    private static Task WriteErrorAsync(IReplySink sink, ScriptedError error, CancellationToken token)
    {
        if (error.RetryAfterSeconds is { } seconds)
        {
            sink.SetHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return ConjureErrors.WriteAsync(sink, error.Status, ConjureErrors.CodeFor(error.Status), error.Name, error.Message, token);
    }

    private CapturedRequest Capture(FakeRequest request, string? route, FoundryFault? fault)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Headers)
        {
            // The token is never kept: a test's output or a failure message must not leak it.
            if (!name.Equals("authorization", StringComparison.OrdinalIgnoreCase))
            {
                headers[name.ToLowerInvariant()] = value;
            }
        }

        return new CapturedRequest(request.Method, request.Path, request.QueryString, headers, request.Body.ToArray())
        {
            Route = route,
            Fault = fault?.ToString(),
            Authorized = IsAuthorized(request),
        };
    }

    private bool IsAuthorized(FakeRequest request) => request.Header("Authorization") == "Bearer " + _foundry.Token;

    private static bool HasQuery(string query, string name, string value)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair == name + "=" + value)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Route id, reply dialect, model from the path (Gemini), and whether the path itself streams: read from
    /// the route table.</summary>
    private static (string? Route, string Dialect, string? PathModel, bool StreamPath) Match(string path)
    {
        foreach (var route in ProxyRoutes.All)
        {
            if (ModelIn(route.Path, path) is { } model)
            {
                return (route.Id, ReplyKind(route), model.Length > 0 ? model : null, false);
            }

            if (route.StreamPath is { } streamPath && ModelIn(streamPath, path) is { } streamModel)
            {
                return (route.Id, ReplyKind(route), streamModel, true);
            }
        }

        return (null, string.Empty, null, false);
    }

    // Empty when the path is the template (no {model} in it), the model when it fills the template's {model}, else null.
    private static string? ModelIn(string template, string path)
    {
        var slot = template.IndexOf("{model}", StringComparison.Ordinal);
        if (slot < 0)
        {
            return path == template ? string.Empty : null;
        }

        var prefix = template.Substring(0, slot);
        var suffix = template.Substring(slot + "{model}".Length);
        var unescaped = Uri.UnescapeDataString(path);
        return unescaped.Length > prefix.Length + suffix.Length && unescaped.StartsWith(prefix, StringComparison.Ordinal) && unescaped.EndsWith(suffix, StringComparison.Ordinal)
            ? unescaped.Substring(prefix.Length, unescaped.Length - prefix.Length - suffix.Length)
            : null;
    }

    // How the fake answers: the stream dialect's own shapes; embeddings, the one route that does not stream.
    private static string ReplyKind(ProxyRoute route) => route.Dialect switch
    {
        RouteStreamDialect.OpenAiChatCompletions => "chat",
        RouteStreamDialect.OpenAiResponses => "responses",
        RouteStreamDialect.AnthropicMessages => "anthropic",
        RouteStreamDialect.GeminiGenerateContent => "gemini",
        _ => "embeddings",
    };
}
