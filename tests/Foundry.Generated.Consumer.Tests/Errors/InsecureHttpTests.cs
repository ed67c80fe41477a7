using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Consumer.Tests.Sse;
using Foundry.Generated.OpenAi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Errors;

/// <summary>
/// The bearer token and an OAuth2 client secret never go over plain http to another machine unless
/// <c>AllowInsecureHttp</c> says so: the first call fails before any request, naming the option; loopback is allowed.
/// </summary>
public sealed class InsecureHttpTests
{
    private const string Token = "sk-test-token-0123456789abcdef";
    private const string Secret = "client-secret-0123456789";

    public static TheoryData<string> Remote => new()
    {
        "http://example.com/",
        "http://EXAMPLE.com:8080/foundry",
        "http://10.0.0.1/",
        "http://192.168.1.20:5000/",
        "http://[2001:db8::1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://127.0.0.1.example.com/",
        "http://localhost.example.com/",
    };

    public static TheoryData<string> Loopback => new()
    {
        "http://localhost/",
        "http://LOCALHOST:8080/",
        "http://127.0.0.1:5000/",
        "http://127.5.6.7/",
        "http://[::1]:5000/",
        "http://[::ffff:127.0.0.1]/",
    };

    private static FoundryLlmClient Client(string url, CountingHandler handler, bool allowInsecure = false)
        => new(new FoundryClientOptions { BaseUrl = new Uri(url), Token = Token, AllowInsecureHttp = allowInsecure }, new HttpClient(handler));

    private static async Task Stream(FoundryLlmClient client)
    {
        await foreach (var _ in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }))
        {
        }
    }

    [Theory]
    [MemberData(nameof(Remote))]
    public async Task The_token_is_not_sent_over_plain_http_to_another_machine(string url)
    {
        var handler = new CountingHandler();
        using var client = Client(url, handler);

        var streamError = await Assert.ThrowsAsync<InvalidOperationException>(() => Stream(client));
        var createError = await Assert.ThrowsAsync<InvalidOperationException>(() => client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "x" }));

        Assert.Equal(0, handler.Requests);
        foreach (var error in new[] { streamError, createError })
        {
            Assert.Contains("Refusing to send the Foundry bearer token over plain http to " + new Uri(url).Host, error.Message);
            Assert.Contains("FoundryClientOptions.AllowInsecureHttp = true", error.Message);
            Assert.DoesNotContain(Token, error.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Loopback))]
    public async Task Loopback_over_plain_http_is_allowed(string url)
    {
        var handler = new CountingHandler();
        using var client = Client(url, handler);

        await Stream(client);

        Assert.Equal(1, handler.Requests);
    }

    [Theory]
    [InlineData("http://example.com/", true)]
    [InlineData("https://example.com/", false)]
    public async Task Https_or_the_opt_out_sends_the_request(string url, bool allowInsecure)
    {
        var handler = new CountingHandler();
        using var client = Client(url, handler, allowInsecure);

        await Stream(client);

        Assert.Equal(1, handler.Requests);
        Assert.Equal("Bearer " + Token, handler.Authorization);
    }

    [Fact]
    public async Task The_oauth2_secret_is_not_sent_over_plain_http_to_another_machine()
    {
        var handler = new CountingHandler();
        using var provider = new FoundryOAuth2TokenProvider(new Uri("http://example.com/"), "my-client", Secret, httpClient: new HttpClient(handler));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await provider.GetTokenAsync(CancellationToken.None));

        Assert.Equal(0, handler.Requests);
        Assert.Contains("Refusing to send the OAuth2 client secret of 'my-client' over plain http to example.com", error.Message);
        Assert.Contains("FoundryOAuth2TokenProvider.AllowInsecureHttp", error.Message);
        Assert.DoesNotContain(Secret, error.ToString());
    }

    [Theory]
    [InlineData("http://example.com/", true)]
    [InlineData("http://127.0.0.1:5000/", false)]
    [InlineData("https://example.com/", false)]
    public async Task The_oauth2_secret_goes_to_https_loopback_or_with_the_opt_out(string url, bool allowInsecure)
    {
        var handler = new CountingHandler();
        using var provider = new FoundryOAuth2TokenProvider(new Uri(url), "my-client", Secret, httpClient: new HttpClient(handler)) { AllowInsecureHttp = allowInsecure };

        Assert.Equal("issued-token", await provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal(1, handler.Requests);
    }

    [Theory]
    [InlineData("http://example.com", null, false)]
    [InlineData("http://example.com", "true", true)]
    [InlineData("http://127.0.0.1:5000", null, true)]
    [InlineData("https://example.com", null, true)]
    public async Task Start_up_validation_applies_the_same_rule(string url, string? allowInsecure, bool valid)
    {
        var settings = new Dictionary<string, string?> { ["Foundry:BaseUrl"] = url, ["Foundry:Token"] = Token, ["Foundry:AllowInsecureHttp"] = allowInsecure };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddFoundryLlm();
        await using var provider = services.BuildServiceProvider();

        var error = Record.Exception(() => provider.GetRequiredService<IStartupValidator>().Validate());

        if (valid)
        {
            Assert.Null(error);
            Assert.Equal(allowInsecure == "true", provider.GetRequiredService<IOptions<FoundryClientOptions>>().Value.AllowInsecureHttp);
        }
        else
        {
            var failure = Assert.IsType<OptionsValidationException>(error);
            Assert.Contains("Foundry:BaseUrl is plain http to example.com", failure.Message);
            Assert.Contains("Foundry:AllowInsecureHttp", failure.Message);
            Assert.DoesNotContain(Token, failure.Message);
        }
    }

    // Answers a token request with a token and anything else with a whole recorded Responses stream.
    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public string? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            Authorization = request.Headers.Authorization?.ToString();
            if (request.RequestUri!.AbsolutePath.EndsWith("/oauth2/token", StringComparison.Ordinal))
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"access_token\":\"issued-token\",\"expires_in\":3600}") });
            }

            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(RecordedStream.Bytes("openai-responses-text.sse")) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(RecordedStream.EventStream);
            return Task.FromResult(response);
        }
    }
}
