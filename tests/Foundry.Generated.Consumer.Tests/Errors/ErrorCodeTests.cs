using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.Consumer.Tests.Sse;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Errors;

/// <summary>
/// A provider error with <c>"code": null</c> has no code: <c>ErrorCode</c> is null (not the text "null") and the
/// message has no "(code …)"; a numeric code keeps its digits.
/// </summary>
public sealed class ErrorCodeTests
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

    private static CreateChatCompletionRequest Chat() => new() { Model = ChatCompletionsModel.Gpt4o, Messages = [] };

    private static CreateResponse Responses() => new() { Model = ResponsesModel.Gpt5Mini, Input = "x" };

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task A_chat_error_chunk_with_a_null_code_has_no_code(int readSize)
    {
        var body = "data: {\"error\":{\"message\":\"Upstream overloaded\",\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n"u8.ToArray();
        using var client = RecordedStream.Client(body, readSize);

        var (_, error) = await StreamTerminalTests.Collect(client.OpenAiChatCompletions.StreamAsync(Chat()));
        var (_, textError) = await StreamTerminalTests.Collect(client.OpenAiChatCompletions.StreamTextAsync(Chat()));

        foreach (var e in new[] { error, textError })
        {
            Assert.NotNull(e);
            Assert.Equal(FoundryStreamFailure.ErrorEvent, e.Failure);
            Assert.Null(e.ErrorCode);
            Assert.Equal("server_error", e.ErrorType);
            Assert.Equal("Foundry openai-chat-completions stream failed after 0 event(s): Upstream overloaded", e.Message);
        }
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task A_responses_error_event_with_a_null_code_has_no_code(int readSize)
    {
        var body = "event: error\ndata: {\"type\":\"error\",\"sequence_number\":0,\"code\":null,\"message\":\"Something broke\",\"param\":null}\n\n"u8.ToArray();
        using var client = RecordedStream.Client(body, readSize);

        var (_, error) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamAsync(Responses()));

        Assert.NotNull(error);
        Assert.Null(error.ErrorCode);
        Assert.DoesNotContain("(code", error.Message);
        Assert.EndsWith(": Something broke", error.Message);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task A_response_failed_with_a_null_code_has_no_code(int readSize)
    {
        var body = Encoding.UTF8.GetBytes("event: response.failed\ndata: {\"type\":\"response.failed\",\"sequence_number\":0,\"response\":{\"id\":\"r\",\"object\":\"response\",\"created_at\":0,\"status\":\"failed\",\"error\":{\"code\":null,\"message\":\"No reason given\"},\"model\":\"m\",\"output\":[],\"parallel_tool_calls\":true,\"tool_choice\":\"auto\",\"tools\":[]}}\n\n");
        using var client = RecordedStream.Client(body, readSize);

        var (_, error) = await StreamTerminalTests.Collect(client.OpenAiResponses.StreamTextAsync(Responses()));

        Assert.NotNull(error);
        Assert.Null(error.ErrorCode);
        Assert.EndsWith(": No reason given", error.Message);
    }

    [Fact]
    public async Task A_numeric_code_keeps_its_digits()
    {
        using var client = RecordedStream.Client(RecordedStream.Bytes("openrouter-chat-comments-error-chunk.sse"), 7);

        var (_, error) = await StreamTerminalTests.Collect(client.OpenAiChatCompletions.StreamAsync(Chat()));

        Assert.Equal("400", error?.ErrorCode);
        Assert.Contains("Token limit reached (code 400)", error?.Message);
    }

    [Fact]
    public async Task An_error_status_whose_provider_error_has_a_null_code_has_no_provider_code()
    {
        var body = "{\"error\":{\"message\":\"Bad things\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}";
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = new Uri("http://localhost/"), Token = "t" }, new HttpClient(new StatusHandler(HttpStatusCode.BadRequest, body)));

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(Responses()));

        Assert.Null(error.ProviderErrorCode);
        Assert.Equal("invalid_request_error", error.ProviderErrorType);
        Assert.DoesNotContain("null", error.Message);
    }

    private sealed class StatusHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
