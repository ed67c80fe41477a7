using System;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Pulls token counts out of raw response bytes for telemetry, whatever the provider's shape: OpenAI chat
/// (<c>prompt_tokens</c>/<c>completion_tokens</c>), Responses and Anthropic (<c>input_tokens</c>/<c>output_tokens</c>),
/// Gemini (<c>promptTokenCount</c>/<c>candidatesTokenCount</c>). Events without such words cost one vectorised search.
/// </summary>
internal struct UsageScanner
{
    private long? _input;
    private long? _output;

    public readonly (long? Input, long? Output) Result => (_input, _output);

    public void Observe(long? input, long? output)
    {
        // Streams report usage cumulatively; the largest value seen is the total.
        if (input is { } i)
        {
            _input = Math.Max(_input ?? 0, i);
        }

        if (output is { } o)
        {
            _output = Math.Max(_output ?? 0, o);
        }
    }

    public static (long? Input, long? Output) Scan(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf("_tokens\""u8) < 0 && json.IndexOf("TokenCount\""u8) < 0)
        {
            return (null, null);
        }

        long? input = null;
        long? output = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                var isInput = reader.ValueTextEquals("input_tokens"u8) || reader.ValueTextEquals("prompt_tokens"u8) || reader.ValueTextEquals("promptTokenCount"u8);
                var isOutput = reader.ValueTextEquals("output_tokens"u8) || reader.ValueTextEquals("completion_tokens"u8) || reader.ValueTextEquals("candidatesTokenCount"u8);
                if ((isInput || isOutput) && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
                {
                    if (isInput)
                    {
                        input ??= value;
                    }
                    else
                    {
                        output ??= value;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Telemetry never breaks a call.
        }

        return (input, output);
    }
}
