using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Hostile;

/// <summary>
/// A successful (non-streaming) answer longer than <see cref="FoundryClientOptions.MaxResponseBytes"/> is not read on:
/// a body that never ends (a loopback server sending up to 64 MB) fails once the limit is passed, and one that declares
/// a larger Content-Length fails before its body is read. An answer within the limit decodes as before.
/// </summary>
[Collection(AllocationSensitive.Name)]
public sealed class ResponseSizeLimitTests
{
    private const long ServerCap = 64L * 1024 * 1024;
    private const int Limit = 1024 * 1024;

    private static readonly byte[] Filler = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));

    [Fact]
    public async Task An_endless_answer_fails_once_it_passes_the_limit_and_is_not_read_on()
    {
        await using var server = new RawHttpServer(async exchange =>
        {
            await exchange.WriteAsync(RawHttpServer.Head(200, "OK", "Content-Type: application/json") + "{\"id\":\"resp_1\",\"output\":[],\"x\":\"");
            for (long sent = 0; sent < ServerCap; sent += Filler.Length)
            {
                await exchange.WriteAsync(Filler);
            }
        });
        using var client = Client(server);

        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(Request()));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("MaxResponseBytes", error.Message);
        Assert.True(server.BytesSent < ServerCap / 2, $"the client went on reading the answer: the server wrote {server.BytesSent:N0} bytes");
        // The buffer doubles up to the limit (16 KB … 1 MB): under about twice the limit; without it, all 64 MB.
        Assert.True(allocated < 3L * Limit, $"the call allocated {allocated:N0} bytes for a {Limit:N0}-byte limit");
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_fails_before_the_body_is_read()
    {
        await using var server = new RawHttpServer(async exchange =>
        {
            await exchange.WriteAsync(RawHttpServer.Head(200, "OK", "Content-Type: application/json", $"Content-Length: {ServerCap}"));
            for (long sent = 0; sent < ServerCap; sent += Filler.Length)
            {
                await exchange.WriteAsync(Filler);
            }
        });
        using var client = Client(server);

        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(Request()));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Contains($"is {ServerCap:N0} bytes", error.Message);
        // Nothing of the body was buffered: no allocation near the limit's size.
        Assert.True(allocated < Limit / 2, $"the call allocated {allocated:N0} bytes before refusing a declared {ServerCap:N0}-byte answer");
        Assert.True(server.BytesSent < ServerCap / 2, $"the client read the answer: the server wrote {server.BytesSent:N0} bytes");
    }

    [Fact]
    public async Task An_answer_within_the_limit_decodes()
    {
        var body = "{\"id\":\"resp_1\",\"object\":\"response\",\"output\":[],\"x\":\"" + new string('y', Limit - 100) + "\"}";
        await using var server = new RawHttpServer(exchange => exchange.WriteAsync(RawHttpServer.Head(200, "OK", "Content-Type: application/json") + body));
        using var client = Client(server);

        var response = await client.OpenAiResponses.CreateAsync(Request());

        Assert.Equal("resp_1", response.Id);
    }

    private static FoundryLlmClient Client(RawHttpServer server)
        => new(new FoundryClientOptions { BaseUrl = server.BaseUrl, Token = "t", MaxRetries = 0, MaxResponseBytes = Limit });

    private static CreateResponse Request() => new() { Model = ResponsesModel.Gpt5Mini, Input = "x" };
}
