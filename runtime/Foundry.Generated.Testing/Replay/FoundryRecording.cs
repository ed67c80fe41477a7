using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Foundry.Generated.Catalog.Routes;

namespace Foundry.Generated.Testing;

/// <summary>
/// One recorded reply in the repository's fixture format: a body file (<c>.sse</c> or <c>.json</c>) and its entry in
/// <c>manifest.json</c> (what <c>tests/fixtures</c> holds and <c>foundry-llm probe --record</c> writes). Replayed with
/// <see cref="FoundryReply.Recorded"/>, byte for byte.
/// </summary>
public sealed class FoundryRecording
{
    private FoundryRecording(string file, string? description, string? requestUri, string? route, int status, string contentType, byte[] body, string? request)
    {
        Request = request;
        File = file;
        Description = description;
        RequestUri = requestUri;
        Route = route;
        Status = status;
        ContentType = contentType;
        Body = body;
    }

    /// <summary>The body file's name, e.g. <c>openai-chat-text-usage.sse</c>.</summary>
    public string File { get; }

    public string? Description { get; }

    /// <summary>The URI the recording was made from, as the manifest has it.</summary>
    public string? RequestUri { get; }

    /// <summary>The proxy route the recorded request corresponds to (from <see cref="RequestUri"/>), null when unknown.</summary>
    public string? Route { get; }

    public int Status { get; }

    public string ContentType { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>
    /// The request body the recording answered (the manifest entry's <c>request</c> object, or <see cref="WithRequest"/>),
    /// null when not recorded. A request replayed against it must be the same JSON (members in any order; the model as
    /// its id or its RID), or the fake answers 500 with the first difference; <see cref="FakeFoundryOptions.RecordingMatch"/>
    /// relaxes that to route and model.
    /// </summary>
    public string? Request { get; }

    /// <summary>The model the recorded request named (its <c>model</c>), null when no request was recorded.</summary>
    public string? Model => ModelOf(Request);

    /// <summary>This recording answering <paramref name="requestJson"/> (the body your code is expected to send).</summary>
    public FoundryRecording WithRequest(string requestJson)
    {
        ArgumentNullException.ThrowIfNull(requestJson);
        try
        {
            using var document = JsonDocument.Parse(requestJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The request of {this} is not JSON: {e.Message}", nameof(requestJson), e);
        }

        return new FoundryRecording(File, Description, RequestUri, Route, Status, ContentType, Body.ToArray(), requestJson);
    }

    /// <summary>Every recording <paramref name="manifestPath"/> lists (the body files are read from its folder).</summary>
    public static IReadOnlyList<FoundryRecording> Load(string manifestPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(manifestPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        using var manifest = JsonDocument.Parse(System.IO.File.ReadAllBytes(manifestPath));
        if (manifest.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{manifestPath} is not a recording manifest: its root is not an array of entries.");
        }

        var recordings = new List<FoundryRecording>();
        foreach (var entry in manifest.RootElement.EnumerateArray())
        {
            var file = Text(entry, "file") ?? throw new InvalidDataException($"An entry of {manifestPath} has no \"file\".");
            var uri = Text(entry, "request_uri");
            var status = entry.TryGetProperty("http_status", out var s) && s.ValueKind == JsonValueKind.Object && s.TryGetProperty("code", out var code) && code.TryGetInt32(out var c) ? c : 200;
            var streaming = file.EndsWith(".sse", StringComparison.OrdinalIgnoreCase);
            var contentType = Text(entry, "content_type") ?? (streaming ? "text/event-stream" : "application/json");
            // The request: inline ("request": {...}) or a file next to the manifest ("request_file": "x.request.json").
            var request = entry.TryGetProperty("request", out var r) && r.ValueKind == JsonValueKind.Object
                ? r.GetRawText()
                : Text(entry, "request_file") is { } requestFile ? System.IO.File.ReadAllText(Path.Combine(folder, requestFile)) : null;
            recordings.Add(new FoundryRecording(file, Text(entry, "description"), uri, RouteOf(uri), status, contentType, System.IO.File.ReadAllBytes(Path.Combine(folder, file)), request));
        }

        return recordings;
    }

    public override string ToString() => $"recording {File} ({Route ?? "unknown route"}, {Status})";

    /// <summary>
    /// The proxy route of a recorded URI: a Foundry proxy path by the route table, a provider's own API by its path
    /// (<c>/chat/completions</c>, <c>/responses</c>, <c>/messages</c>, <c>:streamGenerateContent</c>; api.x.ai is xAI).
    /// </summary>
    internal static string? RouteOf(string? uri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return null;
        }

        var text = uri.Split(' ')[0];
        var path = text.Split('?')[0];
        var xai = text.Contains("api.x.ai", StringComparison.OrdinalIgnoreCase);
        var root = path.IndexOf(ProxyRoutes.ProxyRoot, StringComparison.Ordinal);
        if (root >= 0)
        {
            var proxyPath = path.Substring(root + ProxyRoutes.ProxyRoot.Length);
            foreach (var route in ProxyRoutes.All)
            {
                if (proxyPath == route.Path || (route.Path.Contains(':') && proxyPath.StartsWith(route.Path.Split('{')[0], StringComparison.Ordinal)))
                {
                    return route.Id;
                }
            }
        }

        if (path.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            return xai ? ProxyRoutes.XaiChatCompletions : ProxyRoutes.OpenAiChatCompletions;
        }

        if (path.EndsWith("/responses", StringComparison.Ordinal))
        {
            return xai ? ProxyRoutes.XaiResponses : ProxyRoutes.OpenAiResponses;
        }

        if (path.EndsWith("/embeddings", StringComparison.Ordinal))
        {
            return ProxyRoutes.OpenAiEmbeddings;
        }

        if (path.EndsWith("/messages", StringComparison.Ordinal))
        {
            return ProxyRoutes.AnthropicMessages;
        }

        return path.Contains(":streamGenerateContent", StringComparison.Ordinal) || path.Contains(":generateContent", StringComparison.Ordinal) ? ProxyRoutes.GoogleGenerateContent : null;
    }

    private static string? ModelOf(string? request)
    {
        if (request is not null)
        {
            using var document = JsonDocument.Parse(request);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String)
            {
                return model.GetString();
            }
        }

        return null;
    }

    private static string? Text(JsonElement entry, string name)
        => entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
