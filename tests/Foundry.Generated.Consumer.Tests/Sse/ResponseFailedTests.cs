using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Sse;

/// <summary>
/// A Responses stream that ends with <c>response.failed</c> fails with the provider's error code and message:
/// <c>StreamAsync</c> delivers the <c>response.failed</c> event first, <c>StreamTextAsync</c> (no text in it) fails
/// right after the text. <c>response.incomplete</c> ends the stream normally, unless the caller opts into
/// <c>FailOnIncompleteResponse</c>, which makes it <c>FoundryStreamFailure.Incomplete</c> with the reason.
/// </summary>
public sealed class ResponseFailedTests
{
    public static TheoryData<int> ReadSizes()
    {
        var data = new TheoryData<int>();
        foreach (var size in RecordedStream.ReadSizes)
        {
            data.Add(size);
        }

        return data;
    }

    // The recorded text stream with its response.completed turned into response.failed (or .incomplete).
    private static byte[] EndingWith(string type, string status, string extra, bool eventLines = true)
    {
        var text = Encoding.UTF8.GetString(RecordedStream.Bytes("openai-responses-text.sse"));
        var at = text.IndexOf("event: response.completed", StringComparison.Ordinal);
        var completed = text[at..];
        var changed = completed
            .Replace("response.completed", type, StringComparison.Ordinal)
            .Replace("\"status\":\"completed\",\"error\":null,\"incomplete_details\":null", $"\"status\":\"{status}\",{extra}", StringComparison.Ordinal);
        Assert.NotEqual(completed.Replace("response.completed", type, StringComparison.Ordinal), changed);
        var body = text[..at] + changed;
        if (!eventLines)
        {
            body = string.Join("\n", body.Split('\n').Where(line => !line.StartsWith("event:", StringComparison.Ordinal)));
        }

        return Encoding.UTF8.GetBytes(body);
    }

    private static byte[] Failed(bool eventLines = true)
        => EndingWith("response.failed", "failed", "\"error\":{\"code\":\"server_error\",\"message\":\"The model crashed halfway\"},\"incomplete_details\":null", eventLines);

    private static CreateResponse Request() => new() { Model = ResponsesModel.Gpt5Mini, Input = "x" };

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task Response_failed_is_delivered_then_fails_with_the_provider_code_and_message(int readSize)
    {
        using var client = RecordedStream.Client(Failed(), readSize);

        var (events, error) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamAsync(Request()));

        Assert.NotNull(error);
        Assert.Equal(FoundryStreamFailure.ErrorEvent, error.Failure);
        Assert.Equal("server_error", error.ErrorCode);
        Assert.Equal("response.failed", error.EventType);
        Assert.Contains("The model crashed halfway (code server_error)", error.Message);
        Assert.Equal(15, events.Count);
        var failed = Assert.IsType<ResponseFailedEvent>(events[^1]);
        Assert.Equal("server_error", failed.Response.Error?.Code.ToString());
        Assert.Equal(events.Count, error.EventsReceived);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task Response_failed_fails_the_text_stream_after_the_text(int readSize)
    {
        using var client = RecordedStream.Client(Failed(), readSize);

        var (text, error) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamTextAsync(Request()));

        Assert.NotNull(error);
        Assert.Equal(FoundryStreamFailure.ErrorEvent, error.Failure);
        Assert.Equal("server_error", error.ErrorCode);
        Assert.Contains("The model crashed halfway", error.Message);
        Assert.Equal(7, text.Count);
        Assert.Equal(text.Count, error.EventsReceived);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task Response_failed_without_event_lines_is_known_by_its_json_type(int readSize)
    {
        using var client = RecordedStream.Client(Failed(eventLines: false), readSize);

        var (events, error) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamAsync(Request()));

        Assert.Equal(FoundryStreamFailure.ErrorEvent, error?.Failure);
        Assert.Equal("server_error", error?.ErrorCode);
        Assert.IsType<ResponseFailedEvent>(events[^1]);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task Response_incomplete_ends_the_stream_without_error(int readSize)
    {
        var body = EndingWith("response.incomplete", "incomplete", "\"error\":null,\"incomplete_details\":{\"reason\":\"max_output_tokens\"}");
        using var client = RecordedStream.Client(body, readSize);

        var (events, error) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamAsync(Request()));
        var (text, textError) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamTextAsync(Request()));

        Assert.Null(error);
        Assert.Null(textError);
        Assert.IsType<ResponseIncompleteEvent>(events[^1]);
        Assert.Equal(7, text.Count);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task With_FailOnIncompleteResponse_a_text_caller_learns_the_answer_was_cut_and_why(int readSize)
    {
        var body = EndingWith("response.incomplete", "incomplete", "\"error\":null,\"incomplete_details\":{\"reason\":\"max_output_tokens\"}");
        using var client = RecordedStream.Client(body, readSize, o => o.FailOnIncompleteResponse = true);

        var (events, error) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamAsync(Request()));
        var (text, textError) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamTextAsync(Request()));

        Assert.IsType<ResponseIncompleteEvent>(events[^1]);
        Assert.Equal(7, text.Count);
        foreach (var e in new[] { error, textError })
        {
            Assert.NotNull(e);
            Assert.Equal(FoundryStreamFailure.Incomplete, e.Failure);
            Assert.Equal("max_output_tokens", e.ErrorCode);
            Assert.Contains("incomplete (max_output_tokens)", e.Message);
        }
    }
}
