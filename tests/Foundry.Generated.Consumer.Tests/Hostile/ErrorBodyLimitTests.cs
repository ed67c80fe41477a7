using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Hostile;

/// <summary>
/// An error status whose body never ends (a loopback server sending up to 64 MB) is read only up to
/// <see cref="FoundryClientOptions.MaxErrorBodyBytes"/>: the call fails with the status at once instead of holding
/// the whole body.
/// </summary>
public sealed class ErrorBodyLimitTests
{
    private const long ServerCap = 64L * 1024 * 1024;

    [Fact]
    public async Task An_endless_error_body_is_read_only_up_to_the_limit()
    {
        var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
        await using var server = new RawHttpServer(async exchange =>
        {
            await exchange.WriteAsync(RawHttpServer.Head(500, "Internal Server Error", "Content-Type: text/html") + "<html>");
            for (long sent = 0; sent < ServerCap; sent += chunk.Length)
            {
                await exchange.WriteAsync(chunk);
            }
        });
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = server.BaseUrl, Token = "t", MaxRetries = 0, MaxErrorBodyBytes = 4096 });

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.True(server.BytesSent < ServerCap / 2, $"the client went on reading the error body: the server wrote {server.BytesSent:N0} bytes");
    }
}
