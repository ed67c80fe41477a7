using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Hostile;

/// <summary>
/// Failures before a whole answer arrives — nothing listening, a reset before the status line, a non-streaming body cut
/// off, no answer within the request timeout — are <see cref="FoundryException"/>s naming the host, never a raw
/// <see cref="HttpRequestException"/> or <see cref="TimeoutException"/>; the caller's cancellation stays
/// <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class ConnectionFailureTests
{
    private const string Token = "sk-live-conn-0123456789abcdef";

    private static FoundryLlmClient Client(Uri baseUrl, Action<FoundryClientOptions>? configure = null)
    {
        var options = new FoundryClientOptions { BaseUrl = baseUrl, Token = Token, MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(1) };
        configure?.Invoke(options);
        return new FoundryLlmClient(options);
    }

    private static CreateResponse Request() => new() { Model = ResponsesModel.Gpt5Mini, Input = "x" };

    private static async Task Drain(FoundryLlmClient client, CancellationToken cancellationToken = default)
    {
        await foreach (var _ in client.OpenAiResponses.StreamAsync(Request(), cancellationToken))
        {
        }
    }

    [Fact]
    public async Task Nothing_listening_is_a_connection_exception_naming_host_port_and_cause_after_the_retries()
    {
        var port = LoopbackPorts.Closed();
        using var client = Client(new Uri($"http://127.0.0.1:{port}/"));

        var error = await Assert.ThrowsAsync<FoundryConnectionException>(() => Drain(client));

        Assert.Equal("127.0.0.1", error.Host);
        Assert.Equal(port, error.Port);
        Assert.Equal(FoundryRoutes.OpenAiResponses, error.Route);
        Assert.Contains($"could not reach 127.0.0.1:{port}: Connection refused", error.Message);
        Assert.Contains("retries exhausted after 2 attempts", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
        SecretSweep.AssertAbsent(error, Token);
    }

    [Fact]
    public async Task A_reset_before_the_status_line_is_retried_then_a_connection_exception()
    {
        await using var server = new RawHttpServer(exchange =>
        {
            exchange.Reset();
            return Task.CompletedTask;
        });
        using var client = Client(server.BaseUrl);

        var error = await Assert.ThrowsAsync<FoundryConnectionException>(() => client.OpenAiResponses.CreateAsync(Request()));

        Assert.Equal(2, server.Requests);
        Assert.Equal(server.BaseUrl.Port, error.Port);
    }

    [Fact]
    public async Task A_non_streaming_answer_cut_off_mid_body_is_a_connection_exception()
    {
        await using var server = new RawHttpServer(async exchange =>
        {
            await exchange.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"id\":\"resp_1\",");
            await Task.Delay(50);
            exchange.Reset();
        });
        using var client = Client(server.BaseUrl);

        var error = await Assert.ThrowsAsync<FoundryConnectionException>(() => client.OpenAiResponses.CreateAsync(Request()));

        Assert.Contains("the connection broke while the answer was being read", error.Message);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task No_answer_within_the_request_timeout_is_a_timeout_exception()
    {
        await using var server = new RawHttpServer(exchange => Task.Delay(Timeout.Infinite, exchange.Stopping));
        using var client = Client(server.BaseUrl, o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<FoundryTimeoutException>(() => client.OpenAiResponses.CreateAsync(Request()));

        Assert.Equal(TimeSpan.FromMilliseconds(300), error.Timeout);
        Assert.Contains("did not answer within 0.3 s (FoundryClientOptions.RequestTimeout)", error.Message);
    }

    [Fact]
    public async Task The_callers_cancellation_stays_an_operation_canceled_exception()
    {
        await using var server = new RawHttpServer(exchange => Task.Delay(Timeout.Infinite, exchange.Stopping));
        using var client = Client(server.BaseUrl);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Drain(client, cancel.Token));
    }
}

