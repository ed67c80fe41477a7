using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Cli.Chat;
using Foundry.Generated.Emulator;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Cli.Tests;

/// <summary>Drives the sample's entry point as a user would, against a loopback emulator.</summary>
public sealed class ChatAppTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(Func<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(["chat", .. args], output, error, environment, TimeProvider.System, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static Func<string, string?> NoEnvironment => _ => null;

    [Fact]
    public async Task Without_foundry_url_it_streams_from_the_embedded_emulator_and_says_so()
    {
        var (exit, output, error) = await RunAsync(NoEnvironment, "Tell me a 10 word story");

        Assert.Equal(0, exit);
        Assert.Equal(10, output.Trim().Split(' ').Length);
        Assert.Contains("embedded Foundry proxy emulator", error);
        Assert.Contains("[gpt-5-mini via responses] first token", error);
    }

    [Theory]
    [InlineData("gpt-4.1", "chat")]
    [InlineData("claude-sonnet-4.5", "anthropic")]
    [InlineData("gemini-3-flash", "gemini")]
    [InlineData("grok-4-3", "xai")]
    public async Task Every_route_streams_the_same_deterministic_answer(string model, string route)
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync();
        var environment = Environment(emulator.BaseUrl.ToString(), emulator.Token);

        var (exit, output, error) = await RunAsync(environment, "--model", model, "--route", route, "Tell me a 7 word story");

        Assert.Equal(0, exit);
        Assert.Equal(7, output.Trim().Split(' ').Length);
        Assert.Contains($"[{model} via {route}]", error);
        Assert.DoesNotContain("embedded", error);
    }

    [Theory]
    [InlineData("chat")]
    [InlineData("anthropic")]
    [InlineData("gemini")]
    [InlineData("xai")]
    public async Task Only_a_route_picks_the_catalogs_first_GA_model_preferring_that_route(string route)
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync();

        var (exit, output, error) = await RunAsync(Environment(emulator.BaseUrl.ToString(), emulator.Token), "--route", route, "Tell me a 7 word story");

        Assert.True(exit == 0, error);
        Assert.Equal(7, output.Trim().Split(' ').Length);
        var routeId = RouteChoice.FromShortName(route);
        var expected = FoundryModels.All.First(m => m.PreferredRoute == routeId && m.Lifecycle == FoundryModelLifecycle.Ga);
        Assert.Contains($"[{expected.Id} via {route}]", error);
    }

    [Fact]
    public async Task Only_the_responses_route_keeps_the_default_model_that_works_there()
    {
        var (exit, _, error) = await RunAsync(NoEnvironment, "--route", "responses", "hi");

        Assert.Equal(0, exit);
        Assert.Contains("[gpt-5-mini via responses]", error);
    }

    [Fact]
    public async Task A_route_no_catalogued_model_works_on_asks_for_a_model()
    {
        var (exit, _, error) = await RunAsync(NoEnvironment, "--route", "xai-chat", "hi");

        Assert.Equal(2, exit);
        Assert.Equal("error: No catalogued model works on the xai-chat route; name one with --model.", error.Trim());
    }

    [Fact]
    public void The_preferred_model_of_a_route_is_read_from_catalog_order_and_lifecycle()
    {
        FoundryModelInfo Model(string id, string preferred, FoundryModelLifecycle lifecycle, params string[] routes) => new()
        {
            Id = id, Rid = "ri.language-model-service..language-model." + id, DisplayName = id, Provider = "openai",
            Routes = routes, PreferredRoute = preferred, Lifecycle = lifecycle, Capabilities = new FoundryModelCapabilities(),
        };
        const string chat = FoundryRoutes.OpenAiChatCompletions;
        const string responses = FoundryRoutes.OpenAiResponses;
        var catalog = new[]
        {
            Model("old", chat, FoundryModelLifecycle.Sunset, chat),
            Model("both", responses, FoundryModelLifecycle.Ga, responses, chat),
            Model("chatty", chat, FoundryModelLifecycle.Ga, chat),
            Model("later", chat, FoundryModelLifecycle.Ga, chat),
        };

        Assert.Equal("chatty", PreferredModel.For(chat, catalog)?.Id);
        Assert.Equal("both", PreferredModel.For(chat, catalog.Where(m => m.Id is not "chatty" and not "later").ToList())?.Id);
        Assert.Null(PreferredModel.For(FoundryRoutes.XaiChatCompletions, catalog));
    }

    [Fact]
    public async Task The_tools_chat_help_names_foundry_llm_chat()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(["chat", "--help"], output, error, _ => null, TimeProvider.System, CancellationToken.None);

        // Asked-for help is success on standard output, not an error. (Under the test host the root is named after it.)
        Assert.Equal(0, exit);
        Assert.Matches(@"Usage:\s+\S+ chat \[<prompt>\.\.\.\]", output.ToString());
        Assert.Contains("--max-output-tokens <n>", output.ToString());
        Assert.DoesNotContain("dotnet run", output.ToString());
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task An_unknown_chat_option_is_an_error_that_points_to_the_help_and_exits_2()
    {
        var (exit, output, error) = await RunAsync(NoEnvironment, "--temperature", "2", "hi");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("Unrecognized command or argument '--temperature'.", error);
        Assert.Contains("chat --help' for usage.", error);
    }

    [Fact]
    public async Task Json_mode_prints_one_raw_event_per_line()
    {
        var (exit, output, _) = await RunAsync(NoEnvironment, "--json", "Tell me a 3 word story");

        Assert.Equal(0, exit);
        var lines = output.Trim().Split('\n');
        Assert.All(lines, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
        Assert.Contains(lines, l => l.Contains("\"response.output_text.delta\""));
    }

    [Fact]
    public async Task Models_lists_the_catalog_as_a_table()
    {
        var (exit, output, _) = await RunAsync(NoEnvironment, "models");

        Assert.Equal(0, exit);
        Assert.StartsWith("MODEL", output);
        Assert.Matches(@"gpt-5-mini\s+ri\.language-model-service\.\.language-model\.gpt-5-mini\s+responses\s+ga", output);
        Assert.Matches(@"gpt-4\.1\s+\S+\s+responses,chat\s+ga", output);
    }

    [Fact]
    public async Task A_typo_in_the_model_suggests_the_catalogued_id()
    {
        var (exit, _, error) = await RunAsync(NoEnvironment, "--model", "gpt-5-mini-2025-08-07", "hi");

        Assert.Equal(2, exit);
        Assert.Contains("Did you mean 'gpt-5-mini'", error);
    }

    [Fact]
    public async Task A_model_on_a_route_it_does_not_support_is_refused_before_any_request()
    {
        var (exit, _, error) = await RunAsync(NoEnvironment, "--model", "gpt-5.2", "--route", "chat", "hi");

        Assert.Equal(2, exit);
        Assert.Contains("gpt-5.2 does not work on the chat route; it works on: responses", error);
    }

    [Fact]
    public async Task An_http_error_prints_one_readable_line_and_exits_non_zero_without_the_token()
    {
        await using var emulator = await FoundryProxyEmulator.StartAsync();
        const string token = "secret-token-that-must-not-leak";

        var (exit, output, error) = await RunAsync(Environment(emulator.BaseUrl.ToString(), token), "hi");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: 401 Default:Unauthorized", error.Trim());
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain(token, error + output);
    }

    private static Func<string, string?> Environment(string url, string token)
    {
        var values = new Dictionary<string, string> { ["FOUNDRY_URL"] = url, ["FOUNDRY_TOKEN"] = token };
        return name => values.TryGetValue(name, out var v) ? v : null;
    }
}
