using System.IO;
using System.Threading.Tasks;
using Foundry.Generated.Testing;
using Xunit;

namespace Foundry.Chat.Tests;

/// <summary>The sample's chat code against a fake Foundry: each test scripts what Foundry answers and checks what
/// the code did with it (what it printed, what it sent).</summary>
public sealed class ChatSessionTests
{
    private readonly FakeFoundry _foundry = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _log = new();

    [Fact]
    public async Task A_normal_answer_is_streamed_to_the_output()
    {
        _foundry.Enqueue(FoundryReply.Text("Once", " upon", " a time.").WithUsage(5, 4));
        using var client = _foundry.CreateClient();

        var exit = await new ChatSession(client).AskAsync("Tell me a story", _output, _log);

        Assert.Equal(0, exit);
        Assert.Equal("Once upon a time.", _output.ToString().Trim());
        Assert.Contains("[gpt-5-mini] 4 output tokens", _log.ToString());
        Assert.Equal("Tell me a story", _foundry.LastRequest.Prompt);
    }

    [Fact]
    public async Task A_429_is_one_error_line_naming_the_rate_limit_and_exit_1()
    {
        _foundry.ReplyAlways(FoundryReply.RateLimited(retryAfterSeconds: 120));
        using var client = _foundry.CreateClient();

        var exit = await new ChatSession(client).AskAsync("hi", _output, _log);

        Assert.Equal(1, exit);
        Assert.StartsWith("error: ", _log.ToString());
        Assert.Contains("429", _log.ToString());
        Assert.Single(_foundry.Requests); // 120 s is longer than the client waits: no retry
    }

    [Fact]
    public async Task A_cut_stream_keeps_the_text_that_arrived_and_reports_the_truncation()
    {
        // Events: created, in_progress, output_item.added, content_part.added, then the text deltas.
        _foundry.Enqueue(FoundryReply.Text("The start", " and the rest").CutAfter(5));
        using var client = _foundry.CreateClient();

        var exit = await new ChatSession(client).AskAsync("hi", _output, _log);

        Assert.Equal(1, exit);
        Assert.Equal("The start", _output.ToString().Trim());
        Assert.Contains("error: ", _log.ToString());
        Assert.Contains("ended without its terminal event", _log.ToString());
    }
}
