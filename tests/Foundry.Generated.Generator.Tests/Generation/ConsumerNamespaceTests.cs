using System;
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

    [Fact]
    public void The_runtime_types_in_Foundry_Generated_keep_their_names_against_the_spec()
    {
        // The generator's list of the runtime's public types in Foundry.Generated is the runtime's.
        var inRuntime = typeof(Foundry.Generated.Runtime.FoundryPipeline).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == Foundry.Generated.Generator.Naming.TypeNames.PublicRuntimeNamespace && !t.IsNested)
            .Select(t => t.Name.Split('`')[0]) // a generic type's name without its arity: what a schema could collide with
            .Distinct()
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(inRuntime, Foundry.Generated.Generator.Naming.TypeNames.PublicRuntimeTypes.OrderBy(n => n, StringComparer.Ordinal));

        // A Foundry schema lands in the root namespace: one named like a runtime type is renamed, not a second
        // Foundry.Generated.FoundryClientOptions hiding the runtime's from the generated code and from users.
        var result = new SpecEdit()
            .Add("Foundry.ClientOptions", """{ "type": "object", "properties": { "a": { "type": "string" } } }""")
            .Run();

        Assert.True(result.CompileProblems.Count == 0, string.Join("\n", result.CompileProblems.Take(20)));
        Assert.StartsWith("Schema 'Foundry.ClientOptions' would be named 'FoundryClientOptions', which is taken by the runtime type 'Foundry.Generated.FoundryClientOptions'", result.Rename("Schema 'Foundry.ClientOptions'").GetMessage());
    }
}
