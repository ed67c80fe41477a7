using System.IO;
using System.Text.Json;
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
    public async Task A_tool_call_runs_the_local_tool_and_sends_its_result_back()
    {
        _foundry.Enqueue(FoundryReply.ToolCall("local_time", """{"city":"Paris"}""", "call_7"))
                .Enqueue(FoundryReply.Text("It is noon in Paris."));
        using var client = _foundry.CreateClient();
        var clock = new ChatTool("local_time", "The time in a city", JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}}}""").RootElement, args => "12:00 in " + JsonDocument.Parse(args).RootElement.GetProperty("city").GetString());

        var exit = await new ChatSession(client, [clock]).AskAsync("What time is it in Paris?", _output, _log);

        Assert.Equal(0, exit);
        Assert.Equal("It is noon in Paris.", _output.ToString().Trim());
        using var followUp = JsonDocument.Parse(_foundry.Requests[1].Body);
        var input = followUp.RootElement.GetProperty("input");
        var result = input[input.GetArrayLength() - 1];
        Assert.Equal("function_call_output", result.GetProperty("type").GetString());
        Assert.Equal("call_7", result.GetProperty("call_id").GetString());
        Assert.Equal("12:00 in Paris", result.GetProperty("output").GetString());
        _foundry.VerifyAllRepliesUsed();
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
