using System;

namespace Foundry.Generated.Runtime;

/// <summary>
/// The answer text of one streamed event, read from its UTF-8 bytes and only as far as needed; no event object is
/// built. Text means what a user reads as the answer: not reasoning or thinking, tool-call arguments or refusals.
/// Each dialect's file says what its text is. Null when the event carries none. <c>piece</c>: where the text stands
/// when it is one string token (not for chat, whose reader finds it in <see cref="ChatCompletionsDialect.ReadFirstChoice"/>,
/// nor Gemini, which joins a candidate's parts).
/// </summary>
internal static class StreamText
{
    public static string? Read(FoundryStreamDialect dialect, ReadOnlySpan<byte> data, ref PieceToken piece) => dialect switch
    {
        FoundryStreamDialect.OpenAiResponses => ResponsesDialect.Text(data, ref piece),
        FoundryStreamDialect.OpenAiChatCompletions => ChatCompletionsDialect.Text(data),
        FoundryStreamDialect.AnthropicMessages => AnthropicDialect.Text(data, ref piece),
        FoundryStreamDialect.GeminiGenerateContent => GeminiDialect.Text(data),
        _ => null,
    };
}
