using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Foundry.Generated.Testing;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Testing;

/// <summary>What a test can assert on about the requests its code sent.</summary>
public sealed class CapturedRequestTests
{
    [Fact]
    public async Task A_captured_request_decodes_into_the_generated_request_type_and_keeps_the_raw_bytes()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();

        await client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Summarise this", Instructions = "Be brief" });

        var request = foundry.LastRequest;
        Assert.Equal(FoundryRoutes.OpenAiResponses, request.Route);
        Assert.Equal("gpt-5-mini", request.ModelId);
        Assert.Equal("Summarise this", request.Prompt);
        var typed = request.Decode<CreateResponse>();
        Assert.Equal(ResponsesModel.Gpt5Mini, typed.Model);
        Assert.Equal("Be brief", typed.Instructions);
        Assert.Equal(typed, Assert.IsType<CreateResponse>(request.DecodeRequest()));
        Assert.StartsWith("{", request.BodyText);
        Assert.Equal(request.BodyText, System.Text.Encoding.UTF8.GetString(request.Body.Span));
    }

    [Fact]
    public async Task Attribution_and_trace_headers_are_captured_and_the_token_is_not()
    {
        var foundry = new FakeFoundry(new FakeFoundryOptions { Token = "secret-token-never-kept" });
        using var client = foundry.CreateClient(o => o.AttributionRids.Add("ri.foundry.main.project.abc"));
        using var source = new ActivitySource("Foundry.Generated.Consumer.Tests.Testing");
        using var listener = new ActivityListener { ShouldListenTo = _ => true, Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData };
        ActivitySource.AddActivityListener(listener);

        using (var activity = source.StartActivity("test"))
        {
            await client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" });
        }

        var request = foundry.LastRequest;
        Assert.Equal("ri.foundry.main.project.abc", request.Attribution);
        Assert.NotNull(request.TraceParent);
        Assert.True(request.Authorized);
        Assert.DoesNotContain(request.Headers, h => h.Key == "authorization" || h.Value.Contains("secret-token-never-kept"));
        Assert.DoesNotContain("secret-token-never-kept", request.ToString());
    }

    [Fact]
    public async Task A_request_with_a_wrong_token_is_captured_as_unauthorized()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient(o => o.Token = "wrong");

        await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" }));

        Assert.False(foundry.LastRequest.Authorized);
        Assert.Equal(401, foundry.Requests.Single().Status);
    }
}
