using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Foundry.Generated.Runtime;

namespace Foundry.Generated.Consumer.Tests.Recorded;

/// <summary>
/// Which proxy route a recording in tests/fixtures (see SOURCES.md there) belongs to, named by its file's prefix, and
/// how its bodies decode through the generated types.
/// </summary>
internal static class RecordedRoutes
{
    /// <summary>The route of a fixture file name: its first two dash-separated words (openai-chat, xai-responses, ...).</summary>
    public static string Route(string fixture)
    {
        var parts = fixture.Split('-');
        var route = parts[0] + "-" + parts[1];
        return route switch
        {
            "openai-responses" or "xai-responses" or "anthropic-messages" or "gemini-stream" or "gemini-generate" or "openai-embeddings" => route,
            // xAI's chat route, Groq and OpenRouter answer in the chat-completions shape.
            "openai-chat" or "xai-chat" or "groq-chat" or "openrouter-chat" => "openai-chat",
            _ => throw new ArgumentException($"{fixture}: no route for the prefix '{route}' (add it to RecordedRoutes)"),
        };
    }

    /// <summary>Decodes one streamed event's data through the route's event type.</summary>
    public static object DecodeEvent(string fixture, byte[] data) => Route(fixture) switch
    {
        "openai-responses" or "xai-responses" => FoundryJson.Deserialize<Foundry.Generated.OpenAi.ResponseStreamEvent>(data),
        "anthropic-messages" => FoundryJson.Deserialize<Foundry.Generated.Anthropic.MessageStreamEvent>(data),
        "gemini-stream" => FoundryJson.Deserialize<Foundry.Generated.Gemini.GenerateContentResponse>(data),
        "openai-chat" => FoundryJson.Deserialize<Foundry.Generated.OpenAi.CreateChatCompletionStreamResponse>(data),
        var route => throw new ArgumentException($"{fixture}: {route} does not stream"),
    };

    /// <summary>Decodes a whole (non-streaming) response body through the route's response type.</summary>
    public static object DecodeBody(string fixture, byte[] body) => Route(fixture) switch
    {
        "openai-responses" or "xai-responses" => FoundryJson.Deserialize<Foundry.Generated.OpenAi.Response>(body),
        "anthropic-messages" => FoundryJson.Deserialize<Foundry.Generated.Anthropic.Message>(body),
        "gemini-generate" => FoundryJson.Deserialize<Foundry.Generated.Gemini.GenerateContentResponse>(body),
        "openai-embeddings" => FoundryJson.Deserialize<Foundry.Generated.OpenAi.CreateEmbeddingResponse>(body),
        "openai-chat" => FoundryJson.Deserialize<Foundry.Generated.OpenAi.CreateChatCompletionResponse>(body),
        var route => throw new ArgumentException($"{fixture}: no body type for {route}"),
    };

    /// <summary>Writes a decoded value back as JSON with its runtime type.</summary>
    public static string Write(object value) => value switch
    {
        Foundry.Generated.OpenAi.ResponseStreamEvent e => FoundryJson.Serialize(e),
        Foundry.Generated.Anthropic.MessageStreamEvent e => FoundryJson.Serialize(e),
        Foundry.Generated.Gemini.GenerateContentResponse e => FoundryJson.Serialize(e),
        Foundry.Generated.OpenAi.CreateChatCompletionStreamResponse e => FoundryJson.Serialize(e),
        Foundry.Generated.OpenAi.Response e => FoundryJson.Serialize(e),
        Foundry.Generated.Anthropic.Message e => FoundryJson.Serialize(e),
        Foundry.Generated.OpenAi.CreateEmbeddingResponse e => FoundryJson.Serialize(e),
        Foundry.Generated.OpenAi.CreateChatCompletionResponse e => FoundryJson.Serialize(e),
        _ => throw new ArgumentException("no writer for " + value.GetType()),
    };

    /// <summary>The non-streaming recordings in tests/fixtures/json.</summary>
    public static string JsonDirectory => Path.Combine(AppContext.BaseDirectory, "fixtures", "json");

    public static IReadOnlyList<string> JsonNames()
        => Directory.GetFiles(JsonDirectory, "*.json").Select(f => Path.GetFileName(f)!).Where(f => f != "manifest.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
}
