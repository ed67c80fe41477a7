using System.IO;
using System.Linq;
using Foundry.Generated.Generator.Tests.Infrastructure;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>
/// What a user touches daily is reachable from the README's usings (DESIGN.md, Namespaces): a consumer with only
/// <c>using Foundry.Generated;</c> and a provider namespace names the options, credentials, wire format and exceptions.
/// </summary>
public sealed class ConsumerNamespaceTests
{
    [Fact]
    public void Options_credentials_wire_format_and_exceptions_need_no_runtime_using()
    {
        const string consumer = """
            using System;
            using System.Threading.Tasks;
            using Foundry.Generated;
            using Foundry.Generated.OpenAi;

            internal static class App
            {
                public static async Task<string?> Run()
                {
                    IFoundryTokenProvider credentials = new FoundryOAuth2TokenProvider(new Uri("https://example.palantirfoundry.com"), "client", "secret");
                    var options = new FoundryClientOptions { Credentials = credentials, ModelIdWireFormat = ModelIdWireFormat.FriendlyId };
                    using var client = new FoundryLlmClient(options);
                    try
                    {
                        var response = await client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Parse("gpt-5-mini"), Input = "Hi" });
                        return response.Id;
                    }
                    catch (FoundryApiException e) when (e.RetryAfter is { } wait)
                    {
                        return $"retry in {wait}";
                    }
                    catch (FoundryException e)
                    {
                        return e.Message;
                    }
                }
            }
            """;
        var spec = File.ReadAllText(RepoPaths.Spec("foundry-llm-proxy.openapi.json"));
        var catalog = File.ReadAllText(RepoPaths.Spec("model-catalog.json"));

        var (output, diagnostics, _) = GeneratorRun.Run(spec, catalog, consumer);

        Assert.DoesNotContain(diagnostics, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
        Assert.Empty(GeneratorRun.Problems(output).Select(d => d.ToString()));
    }
}
