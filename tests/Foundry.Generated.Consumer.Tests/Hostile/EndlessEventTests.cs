using System;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Hostile;

/// <summary>Runs alone, so the process-wide allocation count around one call is that call's.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationSensitive
{
    public const string Name = "allocation-sensitive";
}

/// <summary>
/// A loopback server sends an event that never ends — one endless <c>data:</c> line, or endless short <c>data:</c>
/// lines without the blank line that ends an event — up to 64 MB. The client refuses it with
/// <see cref="FoundryStreamFailure.EventTooLarge"/> as soon as it passes <see cref="FoundryClientOptions.MaxEventBytes"/>
/// (1 MiB here), having allocated a small multiple of the limit, not what the server sent.
/// </summary>
[Collection(AllocationSensitive.Name)]
public sealed class EndlessEventTests
{
    private const int Limit = 1024 * 1024;
    private const long ServerCap = 64L * 1024 * 1024;

    [Theory]
    [InlineData("one endless line")]
    [InlineData("endless data lines")]
    public async Task An_event_that_never_ends_is_refused_at_the_limit_with_bounded_memory(string shape)
    {
        var chunk = Encoding.ASCII.GetBytes(shape == "one endless line" ? new string('a', 64 * 1024) : string.Concat(System.Linq.Enumerable.Repeat("data: " + new string('b', 1000) + "\n", 64)));
        await using var server = new RawHttpServer(async exchange =>
        {
            await exchange.WriteAsync(RawHttpServer.Head(200, "OK", "Content-Type: text/event-stream") + "event: response.output_text.delta\ndata: ");
            for (long sent = 0; sent < ServerCap; sent += chunk.Length)
            {
                await exchange.WriteAsync(chunk);
            }
        });
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = server.BaseUrl, Token = "t", MaxEventBytes = Limit, StreamIdleTimeout = TimeSpan.FromSeconds(30) });

        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Assert.ThrowsAsync<FoundryStreamException>(async () =>
        {
            await foreach (var _ in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }))
            {
            }
        });
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(FoundryStreamFailure.EventTooLarge, error.Failure);
        Assert.Contains("exceeds the 1,048,576-byte limit", error.Message);
        // The parser's line and data buffers double as they grow (4 KB, 8 KB, … 2 MB): their sum stays under about four
        // times the limit however the pool is warmed; without the guard the whole 64 MB would be buffered.
        Assert.True(allocated < 5L * Limit, $"the call allocated {allocated:N0} bytes for a {Limit:N0}-byte limit");
        Assert.True(server.BytesSent < ServerCap / 2, $"the client went on reading: the server wrote {server.BytesSent:N0} bytes");
    }
}
