using System;
using System.IO;
using System.Text.Json.Nodes;
using Xunit;

namespace Foundry.Generated.Build.Tests;

/// <summary>
/// `dotnet pack` compares the package's public API with the last release's (tools/packaging/package-baselines/): a regeneration
/// that removes or retypes a public member of the generated clients fails the pack and names the member.
/// </summary>
public sealed class PackageValidationTests : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "fdry-validation-" + Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public void Packing_clients_generated_from_a_spec_that_removes_and_retypes_members_fails_and_names_them()
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(PackageFeed.RepoRoot, "spec", "foundry-llm-proxy.openapi.json")))!;
        var properties = spec["components"]!["schemas"]!["OpenAi.CreateEmbeddingRequest"]!["properties"]!.AsObject();
        Assert.True(properties.Remove("dimensions"));
        properties["encoding_format"] = new JsonObject { ["type"] = "integer" };
        var specFolder = Directory.CreateDirectory(Path.Combine(folder, "spec")).FullName;
        File.WriteAllText(Path.Combine(specFolder, "foundry-llm-proxy.openapi.json"), spec.ToJsonString());

        var (exit, output) = Dotnet.Run(PackageFeed.RepoRoot, "pack", Path.Combine(PackageFeed.RepoRoot, "runtime", "Foundry.Generated"), "-c", "Release", "-nologo",
            "-o", Path.Combine(folder, "out"), "-p:Version=0.0.0-test." + Guid.NewGuid().ToString("N")[..12],
            "-p:FoundryClientsSpecFile=" + Path.Combine(specFolder, "foundry-llm-proxy.openapi.json"));

        Assert.True(exit != 0, output);
        Assert.Contains("error CP0002: Member 'int? Foundry.Generated.OpenAi.CreateEmbeddingRequest.Dimensions.get' exists on [Baseline]", output);
        Assert.Contains("error CP0002: Member 'Foundry.Generated.OpenAi.CreateEmbeddingRequestEncodingFormat? Foundry.Generated.OpenAi.CreateEmbeddingRequest.EncodingFormat.get' exists on [Baseline]", output);
        // Only the API broke: a test version (0.0.0-test.*) is no lower an assembly version than the baseline's.
        Assert.DoesNotContain("CP0003", output);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
