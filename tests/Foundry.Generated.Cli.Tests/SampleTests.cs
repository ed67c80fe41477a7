using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Foundry.Generated.Cli.Tests;

/// <summary>
/// The README's first command, samples/Foundry.Chat, run as a user runs it (its built program, no terminal): it
/// streams a typed Responses answer from the embedded emulator when FOUNDRY_URL is unset, and a refused connection is
/// one error line and exit 1, without the token.
/// </summary>
public sealed class SampleTests
{
    private static async Task<(int Exit, string Out, string Err)> RunSampleAsync(string? foundryUrl, string token, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Foundry.Chat.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("FOUNDRY_URL");
        start.Environment.Remove("FOUNDRY_TOKEN");
        if (foundryUrl != null)
        {
            start.Environment["FOUNDRY_URL"] = foundryUrl;
            start.Environment["FOUNDRY_TOKEN"] = token;
        }

        using var sample = Process.Start(start)!;
        var output = sample.StandardOutput.ReadToEndAsync();
        var error = sample.StandardError.ReadToEndAsync();
        await sample.WaitForExitAsync();
        return (sample.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Without_foundry_url_the_sample_streams_a_typed_answer_from_the_embedded_emulator()
    {
        var (exit, output, error) = await RunSampleAsync(null, string.Empty, "Tell me a 10 word story");

        Assert.Equal(0, exit);
        Assert.Equal(10, output.Trim().Split(' ').Length);
        Assert.Contains("embedded Foundry proxy emulator", error);
        Assert.Contains("[gpt-5-mini] 10 output tokens", error);
    }

    [Fact]
    public async Task Nothing_listening_at_foundry_url_is_one_error_line_and_exit_1()
    {
        var port = LoopbackPort.Closed();
        const string token = "sk-live-sample-0123456789abcdef";

        var (exit, output, error) = await RunSampleAsync($"http://127.0.0.1:{port}", token, "hi");

        Assert.Equal(1, exit);
        Assert.Empty(output.Trim());
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: Foundry openai-responses could not reach 127.0.0.1:{port}: Connection refused", line);
        Assert.DoesNotContain(token, error);
    }
}
