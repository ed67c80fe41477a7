using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Sse;

/// <summary>
/// <see cref="FoundryClientOptions.MaxEventBytes"/> holds an event's data to the limit whatever the line ends (LF, CR,
/// CRLF, mixed: the size guard switches to line-by-line counting at the first CR), comments and read sizes — the
/// largest event passes at exactly its data size and fails with <see cref="FoundryStreamFailure.EventTooLarge"/> one
/// byte below, so the guard that bounds an event still arriving never refuses one the limit allows — and a body whose
/// last event lacks its blank line is <see cref="FoundryStreamFailure.Truncated"/>. Seeded random streams.
/// </summary>
public sealed class EventSizeLimitTests
{
    private static readonly string[] LineEnds = ["\n", "\r", "\r\n"];

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task The_largest_event_passes_at_exactly_its_data_size_and_fails_one_byte_below(int seed)
    {
        var (body, largest) = RandomStream(new Random(seed), crlfFrom: seed % 3 == 0 ? 0 : seed % 3 == 1 ? int.MaxValue : 3);
        var readSize = new[] { int.MaxValue, 1, 7, 100, 4096 }[seed % 5];

        var (_, atLimit) = await StreamTerminalTests.Collect(Stream(body, readSize, largest));
        var (_, below) = await StreamTerminalTests.Collect(Stream(body, readSize, largest - 1));

        Assert.Null(atLimit);
        Assert.NotNull(below);
        Assert.Equal(FoundryStreamFailure.EventTooLarge, below!.Failure);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task A_body_that_ends_inside_its_last_event_is_truncated(int seed)
    {
        var (body, largest) = RandomStream(new Random(seed), crlfFrom: seed % 2 == 0 ? 0 : int.MaxValue);
        var cut = body[..body.TrimEnd("\r\n"u8.ToArray()).Length];
        var readSize = new[] { int.MaxValue, 1, 7, 100 }[seed % 4];

        var (_, error) = await StreamTerminalTests.Collect(Stream(cut, readSize, largest));

        Assert.Equal(FoundryStreamFailure.Truncated, error!.Failure);
        Assert.Contains("the stream ended inside event", error.Message);
    }

    private static IAsyncEnumerable<string> Stream(byte[] body, int readSize, int maxEventBytes)
        => RecordedStream.Client(body, readSize, o => o.MaxEventBytes = maxEventBytes).OpenAiChatCompletions.StreamTextAsync(new CreateChatCompletionRequest { Model = ChatCompletionsModel.Gpt4o, Messages = [] });

    // Chat chunks with random text sizes, comment lines and line ends (LF only before event `crlfFrom`), ending with
    // data: [DONE]; and the data size of the largest event.
    private static (byte[] Body, int Largest) RandomStream(Random random, int crlfFrom)
    {
        var body = new StringBuilder();
        var largest = 0;
        var events = random.Next(3, 12);
        for (var i = 0; i <= events; i++)
        {
            var end = i < crlfFrom ? "\n" : LineEnds[random.Next(LineEnds.Length)];
            var lines = new List<string>();
            if (random.Next(4) == 0)
            {
                lines.Add(": keep-alive");
            }

            var data = i == events ? "[DONE]" : $"{{\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"{new string('w', random.Next(1, 3000))}\"}},\"finish_reason\":null}}]}}";
            lines.Add("data: " + data);
            largest = Math.Max(largest, Encoding.UTF8.GetByteCount(data));
            body.Append(string.Join(end, lines)).Append(end).Append(end);
        }

        return (Encoding.UTF8.GetBytes(body.ToString()), largest);
    }
}
