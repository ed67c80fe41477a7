using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Foundry.Generated.Testing;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.EndToEnd;

/// <summary>
/// The fake Foundry (here in memory; the loopback emulator hosts the same engine) checks request bodies against the proxy spec's request schema and answers a wrong shape with Foundry's
/// 400, so a client (or adapter) that sends one fails its test instead of being answered. Every other test in this
/// project sends its requests through the same check.
/// </summary>
public sealed class RequestValidationTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string json)
    {
        var foundry = new FakeFoundry();
        using var http = foundry.CreateHttpClient();
        http.BaseAddress = FakeFoundry.InMemoryBaseUrl;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v2/llm/proxy/" + path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", foundry.Token);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task A_body_of_the_wrong_shape_gets_Foundrys_400_naming_where()
    {
        var (status, body) = await PostAsync("openai/v1/responses", """{"model":"gpt-5-mini","input":42}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_ARGUMENT", body.GetProperty("errorCode").GetString());
        Assert.Equal("LanguageModelService:InvalidRequest", body.GetProperty("errorName").GetString());
        Assert.Contains("/input", body.GetProperty("parameters").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_message_without_its_required_fields_is_refused_on_anthropic()
    {
        var (status, body) = await PostAsync("anthropic/v1/messages", """{"model":"claude-sonnet-4.5","messages":[{"content":"hi"}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = body.GetProperty("parameters").GetProperty("message").GetString();
        Assert.Contains("max_tokens", message);
    }

    [Fact]
    public async Task The_same_request_in_the_right_shape_is_answered()
    {
        var (status, _) = await PostAsync("openai/v1/responses", """{"model":"gpt-5-mini","input":"hi"}""");

        Assert.Equal(HttpStatusCode.OK, status);
    }
}
