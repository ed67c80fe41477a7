using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Foundry.Generated.Catalog;
using Foundry.Generated.Catalog.Routes;
using Microsoft.AspNetCore.Http;

namespace Foundry.Generated.Emulator;

/// <summary>Handles one proxy request as Foundry does: auth, model/route check, fault, reply.</summary>
internal sealed class ProxyEndpoint
{
    private const string Root = "/api/v2/llm/proxy/";

    // Built once per process: the spec's schemas do not change, and evaluation does not mutate them.
    private static readonly Lazy<RequestValidator> Validator = new(RequestValidator.FromEmbeddedSpec);

    private readonly FoundryProxyEmulator _emulator;

    public ProxyEndpoint(FoundryProxyEmulator emulator)
    {
        _emulator = emulator;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var (route, dialect, pathModel, streamPath) = Match(path.Substring(Math.Min(path.Length, Root.Length)));
        var fault = context.Request.Headers.TryGetValue(EmulatorFault.Header, out var header) ? EmulatorFault.Parse(header.ToString()) : _emulator.TakeFault();
        var record = new EmulatedRequest(route ?? "unknown", null, AttributionOf(context), fault?.ToString(), 0);

        // Recorded as the response starts (status known, before the client can see a byte of it), so a test that
        // saw the answer, or a dropped stream, finds the request recorded; a request never answered, at the end.
        var recorded = false;
        context.Response.OnStarting(() =>
        {
            recorded = true;
            _emulator.Record(record with { Status = context.Response.StatusCode });
            return Task.CompletedTask;
        });

        try
        {
            if (route is null)
            {
                await ConjureErrors.WriteAsync(context, 404, "NOT_FOUND", "Default:NotFound", $"no proxy route at {path}");
                return;
            }

            if (!IsAuthorized(context))
            {
                await ConjureErrors.WriteAsync(context, 401, "UNAUTHORIZED", "Default:Unauthorized", "Authentication failed: missing or invalid Bearer token");
                return;
            }

            if (fault?.Kind == "status")
            {
                if (fault.Settings.TryGetValue("retry-after", out var retryAfter))
                {
                    context.Response.Headers.RetryAfter = retryAfter;
                }

                var code = fault.Int("code", 429);
                await ConjureErrors.WriteAsync(context, code, code == 429 ? "TOO_MANY_REQUESTS" : "INTERNAL", code == 429 ? "LanguageModelService:RateLimited" : "Default:Internal", "fault injected by the emulator");
                return;
            }

            if (route == "google-generate-content" && streamPath && context.Request.Query["alt"] != "sse")
            {
                await ConjureErrors.WriteAsync(context, 400, "INVALID_ARGUMENT", "LanguageModelService:InvalidRequest", "streamGenerateContent requires ?alt=sse");
                return;
            }

            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            }
            catch (JsonException e)
            {
                await ConjureErrors.WriteAsync(context, 400, "INVALID_ARGUMENT", "LanguageModelService:InvalidRequest", "request body is not JSON: " + e.Message);
                return;
            }

            using (document)
            {
                var call = EmulatedCall.From(route, pathModel, document.RootElement, streamPath);
                record = record with { Model = call.Model, Body = document.RootElement.GetRawText() };
                if (_emulator.ValidateRequests && Validator.Value.Check(route, document.RootElement) is { } problem)
                {
                    // The provider behind the proxy rejects a body of the wrong shape; Foundry passes that on as a 400.
                    await ConjureErrors.WriteAsync(context, 400, "INVALID_ARGUMENT", "LanguageModelService:InvalidRequest", $"the request body does not match the {route} request schema: {problem}");
                    return;
                }

                if (await RejectModelAsync(context, call) is false)
                {
                    await ReplyAsync(context, call, dialect, document.RootElement, fault);
                }
            }
        }
        finally
        {
            if (!recorded)
            {
                _emulator.Record(record with { Status = context.Response.StatusCode });
            }
        }
    }

    private bool IsAuthorized(HttpContext context)
        => context.Request.Headers.Authorization.ToString() == "Bearer " + _emulator.Token;

    private static string? AttributionOf(HttpContext context)
        => context.Request.Headers.TryGetValue("attribution", out var value) ? value.ToString() : null;

    /// <summary>404 for unknown models, the catalog's recorded status for known-bad routes, 400 otherwise; an
    /// enrollment's missing models, denials, failing routes and rate limits first.</summary>
    private async Task<bool> RejectModelAsync(HttpContext context, EmulatedCall call)
    {
        var model = _emulator.Catalog.Find(call.Model);
        if (_emulator.Enrollment is { } enrollment && await EnrollmentRejectsAsync(context, enrollment, call, model?.Id ?? call.Model ?? string.Empty, model?.Rid))
        {
            return true;
        }

        if (model == null)
        {
            await ConjureErrors.WriteAsync(context, 404, "NOT_FOUND", "LanguageModelService:LanguageModelNotFound", $"model '{call.Model}' was not found", new JsonObject { ["modelId"] = call.Model });
            return true;
        }

        if (!model.SupportsRoute(call.Route))
        {
            var rejection = model.RejectionFor(call.Route);
            var status = rejection?.Status ?? 400;
            await ConjureErrors.WriteAsync(context, status, status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT", "LanguageModelService:LanguageModelNotAvailable", $"Backend not supported for this proxy route ({call.Route})");
            return true;
        }

        return false;
    }

    private static async Task<bool> EnrollmentRejectsAsync(HttpContext context, EmulatorEnrollment enrollment, EmulatedCall call, string id, string? rid)
    {
        bool Listed(ISet<string> set) => set.Contains(id) || (rid != null && set.Contains(rid));
        if (Listed(enrollment.MissingModels))
        {
            await ConjureErrors.WriteAsync(context, 404, "NOT_FOUND", "LanguageModelService:LanguageModelNotFound", $"model '{call.Model}' was not found", new JsonObject { ["modelId"] = call.Model });
            return true;
        }

        if (Listed(enrollment.DeniedModels))
        {
            await ConjureErrors.WriteAsync(context, 403, "PERMISSION_DENIED", "LanguageModelService:PermissionDenied", $"not permitted to use model '{call.Model}'");
            return true;
        }

        if (enrollment.RouteFailures.TryGetValue(id + "|" + call.Route, out var status))
        {
            await ConjureErrors.WriteAsync(context, status, status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT", status >= 500 ? "Default:Internal" : "LanguageModelService:LanguageModelNotAvailable", $"model '{call.Model}' failed on {call.Route}");
            return true;
        }

        if (enrollment.TakeRateLimit(id))
        {
            context.Response.Headers.RetryAfter = enrollment.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ConjureErrors.WriteAsync(context, 429, "TOO_MANY_REQUESTS", "LanguageModelService:RateLimited", "rate limited by the enrollment");
            return true;
        }

        return false;
    }

    private async Task ReplyAsync(HttpContext context, EmulatedCall call, string dialect, JsonElement body, EmulatorFault? fault)
    {
        var words = call.ToolResult is { } toolResult ? ReplyText.ToolAnswer(toolResult) : ReplyText.Words(call.Prompt, call.MaxTokens);
        var text = string.Join(" ", words);
        var input = ReplyText.TokenCount(call.Prompt);
        var output = words.Count;
        var deltas = ReplyText.Deltas(words);

        if (call.Route == "openai-embeddings")
        {
            var dims = body.TryGetProperty("dimensions", out var d) && d.TryGetInt32(out var n) ? n : _emulator.Catalog.Find(call.Model)?.Capabilities.EmbeddingDimensions ?? 1536;
            await WriteJsonAsync(context, ProviderReplies.Embeddings(call, body, dims));
            return;
        }

        if (!call.Stream)
        {
            var json = dialect switch
            {
                "chat" => ProviderReplies.ChatCompletion(call, text, input, output),
                "responses" => ProviderReplies.Response(call, "completed", text, ProviderReplies.Usage("responses", input, output), input, output).ToJsonString(),
                "anthropic" => ProviderReplies.AnthropicMessage(call, text, input, output).ToJsonString(),
                _ => ProviderReplies.GeminiChunk(call, text, true, input, output).ToJsonString(),
            };
            await WriteJsonAsync(context, json);
            return;
        }

        var events = dialect switch
        {
            "chat" => ProviderReplies.ChatStream(call, deltas, input, output),
            "responses" => ProviderReplies.ResponsesStream(call, deltas, text, input, output),
            "anthropic" => ProviderReplies.AnthropicStream(call, deltas, input, output),
            _ => ProviderReplies.GeminiStream(call, deltas, input, output),
        };
        _emulator.StreamStarted();
        try
        {
            await new SseSink(context, fault, dialect, _emulator.EventDelay).WriteAsync(events);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            _emulator.StreamAbortedByClient();
        }
        finally
        {
            _emulator.StreamEnded();
        }
    }

    private static Task WriteJsonAsync(HttpContext context, string json)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, context.RequestAborted);
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

    // How the emulator answers: the stream dialect's own shapes; embeddings, the one route that does not stream.
    private static string ReplyKind(ProxyRoute route) => route.Dialect switch
    {
        RouteStreamDialect.OpenAiChatCompletions => "chat",
        RouteStreamDialect.OpenAiResponses => "responses",
        RouteStreamDialect.AnthropicMessages => "anthropic",
        RouteStreamDialect.GeminiGenerateContent => "gemini",
        _ => "embeddings",
    };
}
