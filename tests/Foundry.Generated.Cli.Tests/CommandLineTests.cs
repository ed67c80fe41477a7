using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Foundry.Generated.Cli.Tests;

/// <summary>What System.CommandLine gives every command: help, errors with suggestions, completions, and the old messages.</summary>
public sealed class CommandLineTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, _ => null, TimeProvider.System, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("models", "--help")]
    [InlineData("chat", "-h")]
    [InlineData("probe", "--help")]
    [InlineData("sync", "--help")]
    [InlineData("sync", "-h")]
    public async Task Help_on_the_root_and_every_command_is_usage_on_stdout_and_exit_0(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output);
        Assert.Contains("-?, -h, --help", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task The_sync_help_lists_its_options()
    {
        var (_, output, _) = await RunAsync("sync", "--help");

        Assert.Contains("--openai <file>", output);
        Assert.Contains("--check", output);
        Assert.Contains("--allow-broken-refs", output);
    }

    [Theory]
    [InlineData("--modle", "--model", "chat", "--modle", "gpt-4.1", "hi")]
    [InlineData("--dry-rn", "--dry-run", "probe", "--dry-rn")]
    [InlineData("--chek", "--check", "sync", "--chek")]
    [InlineData("chatt", "chat", "chatt", "hi")]
    public async Task An_unknown_option_or_command_exits_2_with_a_suggestion_on_stderr(string typo, string suggested, params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains($"Unrecognized command or argument '{typo}'.", error);
        Assert.Contains($"'{typo}' was not matched. Did you mean one of the following?", error);
        Assert.Contains(suggested, error.Split('\n', StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("Cannot parse argument", error);
    }

    [Theory]
    [InlineData("chat --mo", "--model")]
    [InlineData("probe --dry", "--dry-run")]
    [InlineData("sync --allow", "--allow-broken-refs")]
    [InlineData("pro", "probe")]
    public async Task The_suggest_directive_completes_a_partial_word(string line, string completion)
    {
        var (exit, output, error) = await RunAsync($"[suggest:{line.Length}]", line);

        Assert.Equal(0, exit);
        Assert.Contains(completion, output.Split('\n', StringSplitOptions.TrimEntries));
        Assert.Empty(error);
    }

    [Fact]
    public async Task Route_names_are_offered_as_completions()
    {
        var (_, output, _) = await RunAsync("[suggest:15]", "chat --route an");

        Assert.Equal("anthropic", output.Trim());
    }

    [Theory]
    [InlineData("--max-output-tokens needs a positive number, not 'many'.", "chat", "--max-output-tokens", "many", "hi")]
    [InlineData("--concurrency needs a positive number, not '0'.", "probe", "--concurrency", "0", "--dry-run")]
    [InlineData("--timeout needs a positive number, not '-5'.", "probe", "--timeout", "-5", "--dry-run")]
    [InlineData("Unknown route 'nope'; use a route id", "probe", "--route", "nope", "--dry-run")]
    [InlineData("Give a prompt.", "chat")]
    public async Task A_bad_value_keeps_its_message_and_exits_2(string message, params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(message, error);
        Assert.Contains("--help' for usage.", error);
    }

    /// <summary>A guard, not a new feature: the probe's filters parse as they did by hand.</summary>
    [Fact]
    public async Task Probe_filters_take_comma_lists_and_repeats_and_write_without_a_path_is_the_catalog()
    {
        var (exit, output, error) = await RunAsync("probe", "--model", "gpt-5-mini,gpt-4.1", "--model", "claude-sonnet-4.5", "--route", "responses", "--route", "anthropic", "--dry-run", "--write");

        Assert.True(exit == 0, error);
        Assert.Contains("gpt-5-mini on openai-responses", output);
        Assert.Contains("claude-sonnet-4.5 on anthropic-messages", output);
        Assert.Contains("3 requests planned", output);
    }
}
