using System.Collections.Generic;
using System.Text.Json;
using Foundry.Generated.Runtime;

namespace Foundry.Generated.Testing;

/// <summary>The unscripted answer: deterministic words from the prompt, a call of the first tool offered, reasoning
/// when asked for, in each provider's shapes (<see cref="ProviderReplies"/>).</summary>
internal static class EmulatedReplies
{
    /// <summary>The stream's events, or null with the whole JSON body in <paramref name="json"/>.</summary>
    public static IReadOnlyList<WireEvent>? Render(FakeFoundry foundry, EmulatedCall call, string dialect, JsonElement body, out string? json)
    {
        var words = call.ToolResult is { } toolResult ? ReplyText.ToolAnswer(toolResult) : ReplyText.Words(call.Prompt, call.MaxTokens);
        var text = string.Join(" ", words);
        var input = ReplyText.TokenCount(call.Prompt);
        var output = words.Count;
        var deltas = ReplyText.Deltas(words);
        if (call.StructuredJson is { } structured && call.ToolName is null)
        {
            // Structured output: JSON that fits the schema the request sent, streamed in pieces as providers do.
            text = structured;
            deltas = Pieces(structured, 8);
            output = deltas.Count;
        }

        if (call.Route == FoundryRoutes.OpenAiEmbeddings)
        {
            var dims = body.TryGetProperty("dimensions", out var d) && d.TryGetInt32(out var n) ? n : foundry.Catalog.Find(call.Model)?.Capabilities.EmbeddingDimensions ?? 1536;
            json = ProviderReplies.Embeddings(call, body, dims);
            return null;
        }

        if (!call.Stream)
        {
            json = dialect switch
            {
                "chat" => ProviderReplies.ChatCompletion(call, text, input, output),
                "responses" => ProviderReplies.Response(call, "completed", text, ProviderReplies.Usage("responses", input, output), input, output).ToJsonString(),
                "anthropic" => ProviderReplies.AnthropicMessage(call, text, input, output).ToJsonString(),
                _ => ProviderReplies.GeminiChunk(call, text, true, input, output).ToJsonString(),
            };
            return null;
        }

        json = null;
        return dialect switch
        {
            "chat" => ProviderReplies.ChatStream(call, deltas, input, output),
            "responses" => ProviderReplies.ResponsesStream(call, deltas, text, input, output),
            "anthropic" => ProviderReplies.AnthropicStream(call, deltas, input, output),
            _ => ProviderReplies.GeminiStream(call, deltas, input, output),
        };
    }

    private static IReadOnlyList<string> Pieces(string text, int size)
    {
        var pieces = new List<string>();
        for (var i = 0; i < text.Length; i += size)
        {
            pieces.Add(text.Substring(i, System.Math.Min(size, text.Length - i)));
        }

        return pieces;
    }
}
