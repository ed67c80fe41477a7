using System;

namespace Foundry.Generated.Runtime;

/// <summary>
/// The answer text of one streamed event, read from its UTF-8 bytes and only as far as needed; no event object is
/// built. Text means what a user reads as the answer: not reasoning or thinking, tool-call arguments or refusals.
/// Each dialect's file says what its text is. Null when the event carries none.
/// </summary>
internal static class StreamText
{
    public static string? Read(FoundryStreamDialect dialect, ReadOnlySpan<byte> data) => dialect switch
    {
        FoundryStreamDialect.OpenAiResponses => ResponsesDialect.Text(data),
        FoundryStreamDialect.OpenAiChatCompletions => ChatCompletionsDialect.Text(data),
        FoundryStreamDialect.AnthropicMessages => AnthropicDialect.Text(data),
        FoundryStreamDialect.GeminiGenerateContent => GeminiDialect.Text(data),
        _ => null,
    };
}
