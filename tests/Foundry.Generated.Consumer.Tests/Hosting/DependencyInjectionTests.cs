using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Consumer.Tests.EndToEnd;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Hosting;

/// <summary><c>services.AddFoundryLlm()</c> (generated because this project references Foundry.Generated.Hosting) against the emulator.</summary>
public sealed class DependencyInjectionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string AttributionRid = "ri.compass.main.project.1234";

    private ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null, List<string>? logs = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(b => { if (logs != null) b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(logs)); });
        services.AddFoundryLlm();
        more?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Foundry:BaseUrl"] = fixture.Emulator.BaseUrl.ToString(),
        ["Foundry:Token"] = fixture.Emulator.Token,
        ["Foundry:MaxRetries"] = "2",
        ["Foundry:StreamIdleTimeout"] = "00:00:30",
        ["Foundry:MaxResponseBytes"] = "2000000",
        ["Foundry:MaxErrorBodyBytes"] = "3000",
        ["Foundry:AttributionRids:0"] = AttributionRid,
    };

    private static void ValidateAtStartUp(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public async Task Clients_resolve_from_configuration_and_stream()
    {
        var logs = new List<string>();
        await using var provider = Build(Settings(), logs: logs);
        ValidateAtStartUp(provider);

        var client = provider.GetRequiredService<FoundryLlmClient>();
        var responses = provider.GetRequiredService<OpenAiResponsesClient>();
        var options = provider.GetRequiredService<IOptions<FoundryClientOptions>>().Value;
        var text = new System.Text.StringBuilder();
        await foreach (var e in responses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Tell me a 5 word story" }))
        {
            if (e is ResponseTextDeltaEvent delta)
            {
                text.Append(delta.Delta);
            }
        }

        Assert.Equal(5, text.ToString().Split(' ').Length);
        Assert.Same(client.OpenAiResponses, responses);
        Assert.Same(client.Pipeline, provider.GetRequiredService<FoundryPipeline>());
        Assert.Equal(2, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(30), options.StreamIdleTimeout);
        Assert.Equal((2_000_000, 3000), (options.MaxResponseBytes, options.MaxErrorBodyBytes));
        Assert.Equal(AttributionRid, fixture.Emulator.Requests.Last().Attribution);
        Assert.Same(provider.GetRequiredService<ILoggerFactory>(), options.LoggerFactory);
        Assert.Contains(logs, l => l.Contains("Foundry LLM pipeline for 127.0.0.1: auth token, 2 retries"));
        Assert.DoesNotContain(logs, l => l.Contains(fixture.Emulator.Token));
    }

    [Fact]
    public async Task The_returned_builder_adds_the_callers_handlers_to_the_pipeline()
    {
        var handler = new CountingHandler();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build());
        services.AddFoundryLlm().AddHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<OpenAiResponsesClient>().CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" });

        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task Code_configuration_runs_after_the_section_and_wins()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build());
        services.AddFoundryLlm(o => o.MaxRetries = 5);
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(5, provider.GetRequiredService<IOptions<FoundryClientOptions>>().Value.MaxRetries);
    }

    [Theory]
    [InlineData("Foundry:MaxRetries", "lots", "Foundry:MaxRetries 'lots' is not a whole number")]
    [InlineData("Foundry:MaxRetries", "99", "Foundry:MaxRetries must be between 0 and 10")]
    [InlineData("Foundry:MaxResponseBytes", "100", "Foundry:MaxResponseBytes must be at least 1024")]
    [InlineData("Foundry:BaseUrl", "not a url", "Foundry:BaseUrl 'not a url' is not an absolute URL")]
    [InlineData("Foundry:BaseUrl", "ftp://example.com", "must be an http(s) URL")]
    [InlineData("Foundry:StreamIdleTimeout", "soon", "Foundry:StreamIdleTimeout 'soon' is not a time span")]
    [InlineData("Foundry:ModelIdWireFormat", "Slug", "Foundry:ModelIdWireFormat 'Slug' is not one of Rid, FriendlyId")]
    [InlineData("Foundry:AttributionRids:0", "my project", "'my project' is not a resource identifier")]
    [InlineData("Foundry:OAuth2:ClientId", "only-an-id", "Foundry:OAuth2 needs both ClientId and ClientSecret")]
    public async Task Bad_settings_fail_at_start_up_naming_the_key_and_never_the_token(string key, string value, string expected)
    {
        var settings = Settings();
        settings[key] = value;
        await using var provider = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => ValidateAtStartUp(provider));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(fixture.Emulator.Token, error.Message);
    }

    [Fact]
    public async Task OAuth2_client_credentials_come_from_configuration()
    {
        await using var emulator = await Foundry.Generated.Emulator.FoundryProxyEmulator.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Foundry:BaseUrl"] = emulator.BaseUrl.ToString(),
            ["Foundry:OAuth2:ClientId"] = "emulator-client",
            ["Foundry:OAuth2:ClientSecret"] = "emulator-secret",
        };
        var logs = new List<string>();
        await using var provider = Build(settings, logs: logs);
        ValidateAtStartUp(provider);

        var responses = provider.GetRequiredService<OpenAiResponsesClient>();
        await responses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" });
        await responses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" });

        Assert.Equal(1, emulator.TokensIssued);
        Assert.Contains(logs, l => l.Contains("auth oauth2-client-credentials"));
        Assert.DoesNotContain(logs, l => l.Contains("emulator-secret"));
        Assert.DoesNotContain("emulator-secret", provider.GetRequiredService<IOptions<FoundryClientOptions>>().Value.ToString());
    }

    [Fact]
    public async Task An_IChatClient_with_middleware_is_registered_over_the_generated_client()
    {
        await using var provider = Build(Settings(), services => services
            .AddChatClient(sp => sp.GetRequiredService<FoundryLlmClient>().OpenAiResponses.AsIChatClient(ResponsesModel.Gpt5Mini))
            .UseFunctionInvocation());

        var chat = provider.GetRequiredService<IChatClient>();
        var lookup = AIFunctionFactory.Create((string query) => "42", "lookup");
        var response = await chat.GetResponseAsync("What is the answer?", new ChatOptions { Tools = [lookup] });

        Assert.Contains("The tool said: 42", response.Text);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
