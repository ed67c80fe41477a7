using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Emulator;
using Foundry.Generated.OpenAi;
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
    public async Task Breaking_out_of_a_stream_stops_the_server_at_once_instead_of_draining_the_reply()
    {
        // SocketsHttpHandler reads an unfinished response on for up to ResponseDrainTimeout (2 s by default) to reuse the
        // connection: for a model stream the model would go on generating after the caller stopped reading.
        await using var emulator = await FoundryProxyEmulator.StartAsync(new EmulatorOptions { EventDelay = TimeSpan.FromMilliseconds(50) });
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = emulator.BaseUrl, Token = emulator.Token });

        await foreach (var e in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Tell me a 100 word story" }))
        {
            if (e is ResponseTextDeltaEvent)
            {
                break;
            }
        }

        var clock = Stopwatch.StartNew();
        await WaitUntil(() => emulator.ActiveStreams == 0);
        Assert.Equal(0, emulator.ActiveStreams);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the server went on streaming for {clock.ElapsedMilliseconds} ms after the break");
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
