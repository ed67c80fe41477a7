using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Emulator;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.EndToEnd;

/// <summary>Stopping a stream closes its connection: observed on the server side.</summary>
public sealed class CancellationTests
{
    private static async Task WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Breaking_out_of_a_stream_closes_the_connection()
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync(new EmulatorOptions { EventDelay = TimeSpan.FromMilliseconds(50) });
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = emulator.BaseUrl, Token = emulator.Token });

        await foreach (var e in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Tell me a 100 word story" }))
        {
            if (e is ResponseTextDeltaEvent)
            {
                break;
            }
        }

        await WaitUntil(() => emulator.OpenConnections == 0);
        Assert.Equal(0, emulator.OpenConnections);
        Assert.Equal(0, emulator.ActiveStreams);
        Assert.Equal(1, emulator.AbortedStreams);
    }

    [Fact]
    public async Task Cancelling_the_token_mid_stream_stops_promptly_and_closes_the_connection()
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync(new EmulatorOptions { EventDelay = TimeSpan.FromMilliseconds(50) });
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = emulator.BaseUrl, Token = emulator.Token });
        using var cancel = new CancellationTokenSource();
        var received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Tell me a 100 word story" }, cancel.Token))
            {
                if (++received == 5)
                {
                    cancel.Cancel();
                }
            }
        });

        Assert.Equal(5, received);
        await WaitUntil(() => emulator.OpenConnections == 0);
        Assert.Equal(0, emulator.OpenConnections);
        Assert.Equal(1, emulator.AbortedStreams);
    }
}
