using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Cli.Chat;
using Xunit;

namespace Foundry.Generated.Cli.Tests;

/// <summary>
/// The README's first command (and <c>foundry-llm chat</c>) pointed at a port where nothing listens prints one line
/// naming the host and the cause and exits 1: no unhandled exception, no stack trace, never the token.
/// </summary>
public sealed class ChatAppFailureTests
{
    [Fact]
    public async Task Nothing_listening_at_foundry_url_is_one_error_line_and_exit_1()
    {
        var port = LoopbackPort.Closed();
        const string token = "sk-live-cli-0123456789abcdef";
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CliApp.RunAsync(
            ["chat", "Tell me a 10 word story"],
            output,
            error,
            name => name switch { "FOUNDRY_URL" => $"http://127.0.0.1:{port}", "FOUNDRY_TOKEN" => token, _ => null },
            TimeProvider.System,
            CancellationToken.None);

        Assert.Equal(ChatApp.Failed, exit);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Foundry openai-responses could not reach 127.0.0.1:" + port + ": Connection refused", line);
        Assert.DoesNotContain(token, line);
        Assert.DoesNotContain("   at ", line);
    }
}
