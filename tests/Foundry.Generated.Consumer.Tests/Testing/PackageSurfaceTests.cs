using System.Linq;
using Foundry.Generated.Runtime;
using Foundry.Generated.Testing;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Testing;

/// <summary>The Testing package adds names, it does not repeat them: a test file imports the runtime's and the
/// package's namespaces together without an ambiguity.</summary>
public sealed class PackageSurfaceTests
{
    [Fact]
    public void No_public_type_of_the_testing_package_has_the_simple_name_of_a_public_runtime_type()
    {
        var runtime = typeof(FoundryRoutes).Assembly.GetExportedTypes().Select(t => t.Name).ToHashSet();

        var clashes = typeof(FakeFoundry).Assembly.GetExportedTypes().Where(t => runtime.Contains(t.Name)).Select(t => t.FullName).ToList();

        Assert.Empty(clashes);
    }

    [Fact]
    public void The_request_type_of_each_route_is_one_call_away()
    {
        Assert.Equal(typeof(OpenAi.CreateResponse), CapturedRequest.RequestTypeOf(FoundryRoutes.OpenAiResponses));
        Assert.Equal(typeof(Anthropic.CreateMessageParams), CapturedRequest.RequestTypeOf(FoundryRoutes.AnthropicMessages));
        Assert.All(FoundryRoutes.All, r => Assert.NotNull(CapturedRequest.RequestTypeOf(r)));
    }
}
