using System;
using System.Linq;
using System.Threading.Tasks;
using Foundry.Generated.Emulator;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.EndToEnd;

/// <summary>OAuth2 client credentials against the emulator's token endpoint on 127.0.0.1.</summary>
public sealed class OAuth2Tests
{
    private static async Task<(FoundryProxyEmulator Emulator, FoundryOAuth2TokenProvider Provider, FoundryLlmClient Client)> Start(EmulatorOptions? options = null, TimeSpan? refreshMargin = null, string secret = "emulator-secret")
    {
        var emulator = await FoundryProxyEmulator.StartAsync(options);
        var provider = new FoundryOAuth2TokenProvider(emulator.BaseUrl, "emulator-client", secret) { RefreshMargin = refreshMargin ?? TimeSpan.FromMinutes(1) };
        var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = emulator.BaseUrl, Credentials = provider });
        return (emulator, provider, client);
    }

    private static Task<Response> Call(FoundryLlmClient client) => client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" });

    [Fact]
    public async Task A_token_is_fetched_once_and_cached_even_for_concurrent_first_calls()
    {
        var (emulator, provider, client) = await Start();
        await using (emulator)
        using (provider)
        using (client)
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Call(client)));
            await Call(client);

            Assert.Equal(1, emulator.TokensIssued);
            Assert.All(emulator.Requests, r => Assert.Equal(200, r.Status));
        }
    }

    [Fact]
    public async Task A_rejected_token_is_refreshed_once_and_the_call_succeeds()
    {
        var (emulator, provider, client) = await Start();
        await using (emulator)
        using (provider)
        using (client)
        {
            await Call(client);
            emulator.RotateToken();

            await Call(client);

            Assert.Equal(2, emulator.TokensIssued);
            Assert.Equal(new[] { 200, 401, 200 }, emulator.Requests.Select(r => r.Status));
        }
    }

    [Fact]
    public async Task A_token_near_expiry_is_replaced()
    {
        var (emulator, provider, client) = await Start(new EmulatorOptions { TokenLifetimeSeconds = 30 }, refreshMargin: TimeSpan.FromSeconds(30));
        await using (emulator)
        using (provider)
        using (client)
        {
            await Call(client);
            await Call(client);

            Assert.Equal(2, emulator.TokensIssued);
        }
    }

    [Fact]
    public async Task A_refused_client_is_a_clear_error_without_the_secret()
    {
        const string secret = "wrong-secret-value";
        var (emulator, provider, client) = await Start(secret: secret);
        await using (emulator)
        using (provider)
        using (client)
        {
            var error = await Assert.ThrowsAsync<FoundryCredentialException>(() => Call(client));

            Assert.Contains("got no bearer token", error.Message);
            Assert.Contains("refused client 'emulator-client' with 401", error.Message);
            Assert.IsType<InvalidOperationException>(error.InnerException);
            Assert.Empty(emulator.Requests);
            Assert.DoesNotContain(secret, error.ToString());
            Assert.DoesNotContain(secret, provider.ToString());
            Assert.DoesNotContain(secret, client.Pipeline.Options.ToString());
        }
    }
}
