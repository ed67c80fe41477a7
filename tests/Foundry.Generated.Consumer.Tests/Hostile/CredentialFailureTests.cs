using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Hostile;

/// <summary>
/// A call that cannot get its bearer token fails with <see cref="FoundryCredentialException"/> (the provider's error
/// inside), like every other failure of a call, before anything reaches the proxy; the caller's cancellation stays
/// <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class CredentialFailureTests
{
    private const string Secret = "oauth-secret-0123456789abcdef";

    [Fact]
    public async Task An_unreachable_token_endpoint_is_a_credential_exception_with_the_transport_error_inside()
    {
        var port = LoopbackPorts.Closed();
        using var provider = new FoundryOAuth2TokenProvider(new Uri($"http://127.0.0.1:{port}/"), "my-client", Secret);
        await using var proxy = new RawHttpServer(_ => Task.CompletedTask);
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = proxy.BaseUrl, Credentials = provider });

        var error = await Assert.ThrowsAsync<FoundryCredentialException>(() => client.OpenAiResponses.CreateAsync(Request()));

        Assert.Contains("got no bearer token", error.Message);
        Assert.Contains("Connection refused", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(0, proxy.Requests);
        SecretSweep.AssertAbsent(error, Secret);
    }

    [Fact]
    public async Task A_token_provider_delegate_that_throws_fails_a_stream_the_same_way()
    {
        await using var proxy = new RawHttpServer(_ => Task.CompletedTask);
        using var client = new FoundryLlmClient(new FoundryClientOptions
        {
            BaseUrl = proxy.BaseUrl,
            TokenProvider = _ => throw new InvalidOperationException("vault is sealed"),
        });

        var error = await Assert.ThrowsAsync<FoundryCredentialException>(async () =>
        {
            await foreach (var _ in client.OpenAiResponses.StreamAsync(Request()))
            {
            }
        });

        Assert.Contains("vault is sealed", error.Message);
        Assert.Equal(FoundryRoutes.OpenAiResponses, error.Route);
        Assert.Equal(0, proxy.Requests);
    }

    [Fact]
    public async Task Cancelling_while_the_token_is_fetched_stays_a_cancellation()
    {
        await using var proxy = new RawHttpServer(_ => Task.CompletedTask);
        using var cancel = new CancellationTokenSource();
        using var client = new FoundryLlmClient(new FoundryClientOptions
        {
            BaseUrl = proxy.BaseUrl,
            TokenProvider = async cancellationToken =>
            {
                cancel.Cancel();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return "never";
            },
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.OpenAiResponses.CreateAsync(Request(), cancel.Token));
    }

    private static CreateResponse Request() => new() { Model = ResponsesModel.Gpt5Mini, Input = "x" };
}
