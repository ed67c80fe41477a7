using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Foundry.Generated.Consumer.Tests.Sse;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Fuzz;

/// <summary>
/// Random and mutated event streams into the SSE + decode path: the only exceptions are the documented
/// <see cref="FoundryStreamException"/>s, and every run ends (no hang).
/// </summary>
public sealed class StreamFuzzTests
{
    private static readonly byte[] Recorded = RecordedStream.Bytes("openai-responses-function-call.sse");

    /// <summary>A recorded stream with bytes flipped, dropped, duplicated or cut off.</summary>
    private static readonly Gen<byte[]> Mutated =
        Gen.Select(Gen.Int[0, Recorded.Length - 1].Array[1, 8], Gen.Byte.Array[1, 8], Gen.Int[0, 3], Gen.Int[1, Recorded.Length])
            .Select((positions, values, kind, cut) =>
            {
                var bytes = Recorded.ToList();
                for (var i = 0; i < positions.Length; i++)
                {
                    var p = Math.Min(positions[i], bytes.Count - 1);
                    switch (kind)
                    {
                        case 0: bytes[p] = values[i % values.Length]; break;
                        case 1: bytes.RemoveAt(p); break;
                        case 2: bytes.Insert(p, bytes[p]); break;
                        default: bytes.RemoveRange(Math.Min(cut, bytes.Count), bytes.Count - Math.Min(cut, bytes.Count)); break;
                    }
                }

                return bytes.ToArray();
            });

    /// <summary>Random text made of SSE-significant pieces.</summary>
    private static readonly Gen<byte[]> Random =
        Gen.OneOf<string>("data: ", "event: ", "event: error\n", ": c\n", "\n", "\r\n", "\r", "{", "}", "[DONE]", "\"type\":\"response.output_text.delta\"", "\"error\":{}", "é", "\uFEFF", "x", ",", "\"")
            .Array[0, 60]
            .Select(parts => Encoding.UTF8.GetBytes(string.Concat(parts)));

    [Fact]
    public void Mutated_recorded_streams_fail_only_with_documented_exceptions() => Mutated.Sample(Consume, iter: 300, threads: 1);

    [Fact]
    public void Random_streams_fail_only_with_documented_exceptions() => Random.Sample(Consume, iter: 300, threads: 1);

    [Fact]
    public void Mutated_recorded_streams_read_as_text_fail_only_with_documented_exceptions() => Mutated.Sample(ConsumeText, iter: 300, threads: 1);

    [Fact]
    public void Random_streams_read_as_text_fail_only_with_documented_exceptions() => Random.Sample(ConsumeText, iter: 300, threads: 1);

    private static void Consume(byte[] body)
        => Consume(body, static (client, token) => client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }, token));

    private static void ConsumeText(byte[] body)
        => Consume(body, static (client, token) => client.OpenAiResponses.StreamTextAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }, token));

    private static void Consume<T>(byte[] body, Func<FoundryLlmClient, CancellationToken, System.Collections.Generic.IAsyncEnumerable<T>> stream)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var client = RecordedStream.Client(body, maxEventBytes: 64 * 1024);
        try
        {
            Task.Run(async () =>
            {
                await foreach (var _ in stream(client, cancel.Token))
                {
                }
            }).GetAwaiter().GetResult();
        }
        catch (FoundryStreamException)
        {
            // Documented: error event, undecodable event, too large, idle, connection lost.
        }

        Assert.False(cancel.IsCancellationRequested, "the stream did not end within 10 s");
    }
}
