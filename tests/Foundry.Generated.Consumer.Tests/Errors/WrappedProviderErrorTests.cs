using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Errors;

/// <summary>
/// Foundry wraps the provider's own error in its envelope (<c>parameters.responseBody</c>, a JSON string holding
/// <c>{"error":{...}}</c>; shape from the research notes on the proxy and the pureliture bridge that parses it): the
/// exception carries both Foundry's name and the provider's message, type and code.
/// </summary>
public sealed class WrappedProviderErrorTests
{
    // OpenAI's own text for max_tokens on a reasoning model, as the provider sends it.
    private const string ProviderError = """{"error":{"message":"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.","type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}}""";

    private static string FoundryBody()
        => "{\"errorCode\":\"INVALID_ARGUMENT\",\"errorName\":\"LanguageModelService:InvalidRequest\",\"errorInstanceId\":\"5f0c6b1e-8a1f-4a55-9d7e-0b9c1e2d3f4a\",\"parameters\":{\"responseBody\":"
            + System.Text.Json.JsonSerializer.Serialize(ProviderError) + "}}";

    [Fact]
    public async Task The_provider_error_inside_Foundrys_envelope_is_parsed()
    {
        using var client = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = new Uri("http://localhost/"), Token = "test-token-0123456789" }, new HttpClient(new Answer(FoundryBody())));
        var request = new CreateChatCompletionRequest { Model = ChatCompletionsModel.Gpt4o, Messages = [] };

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiChatCompletions.CreateAsync(request));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("INVALID_ARGUMENT", error.ErrorCode);
        Assert.Equal("LanguageModelService:InvalidRequest", error.ErrorName);
        Assert.Equal("5f0c6b1e-8a1f-4a55-9d7e-0b9c1e2d3f4a", error.ErrorInstanceId);
        Assert.Equal("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", error.ProviderErrorMessage);
        Assert.Equal("invalid_request_error", error.ProviderErrorType);
        Assert.Equal("unsupported_parameter", error.ProviderErrorCode);
        Assert.Contains("max_completion_tokens", error.Message);
    }

    private sealed class Answer(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
