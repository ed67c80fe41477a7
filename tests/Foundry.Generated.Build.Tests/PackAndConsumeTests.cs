using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Foundry.Generated.Emulator;
using Xunit;

namespace Foundry.Generated.Build.Tests;

/// <summary>
/// The packages as a user gets them: packed, restored from a folder feed into fresh projects outside the repository,
/// built by the real SDK, and run against the loopback emulator.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackAndConsumeTests(PackageFeed feed)
{
    [Fact]
    public void The_package_holds_the_precompiled_clients_the_runtime_the_generator_the_spec_and_the_build_files_and_nothing_else()
    {
        using var archive = ZipFile.OpenRead(feed.Package("Foundry.Generated"));
        var files = archive.Entries.Select(e => e.FullName).Where(f => !f.StartsWith("_rels/") && !f.StartsWith("package/") && f != "[Content_Types].xml").OrderBy(f => f, StringComparer.Ordinal).ToArray();

        Assert.Equal(
            new[]
            {
                "Foundry.Generated.nuspec", "README.md", "analyzers/dotnet/cs/Foundry.Generated.CodeFixes.dll", "analyzers/dotnet/cs/Foundry.Generated.Generator.dll",
                "build/Foundry.Generated.SpecAssembly.targets", "build/Foundry.Generated.props", "build/Foundry.Generated.targets",
                "buildTransitive/Foundry.Generated.SpecAssembly.targets", "buildTransitive/Foundry.Generated.props", "buildTransitive/Foundry.Generated.targets",
                "lib/net10.0/Foundry.Generated.Clients.dll", "lib/net10.0/Foundry.Generated.Clients.xml", "lib/net10.0/Foundry.Generated.Runtime.dll", "lib/net10.0/Foundry.Generated.Runtime.xml",
                "spec/foundry-llm-proxy.openapi.json", "spec/model-catalog.json", "spec/model-catalog.schema.json",
            },
            files);
        using var nuspec = new StreamReader(archive.GetEntry("Foundry.Generated.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<dependency id=\"Microsoft.Extensions.Logging.Abstractions\"", text);
        Assert.DoesNotContain("Foundry.Generated.Generator\"", text);
        Assert.DoesNotContain("Foundry.Generated.Catalog\"", text);
        Assert.DoesNotContain("Foundry.Generated.Runtime\"", text);
    }

    [Fact]
    public void The_packages_build_files_are_the_very_files_the_repository_entry_imports()
    {
        using var archive = ZipFile.OpenRead(feed.Package("Foundry.Generated"));
        var shipped = Path.Combine(PackageFeed.RepoRoot, "runtime", "Foundry.Generated", "buildTransitive");
        var buildFiles = archive.Entries.Where(e => e.FullName.StartsWith("build/", StringComparison.Ordinal) || e.FullName.StartsWith("buildTransitive/", StringComparison.Ordinal)).ToList();

        Assert.Equal(6, buildFiles.Count);
        Assert.All(buildFiles, entry =>
        {
            using var packed = new StreamReader(entry.Open());
            Assert.True(packed.ReadToEnd() == File.ReadAllText(Path.Combine(shipped, entry.Name)), entry.FullName + " differs from " + shipped);
        });
    }

    [Fact]
    public void The_hosting_package_holds_the_adapters_of_the_precompiled_clients_and_their_compiled_base_and_depends_on_Foundry_Generated()
    {
        using var archive = ZipFile.OpenRead(feed.Package("Foundry.Generated.Hosting"));
        var libs = archive.Entries.Select(e => e.FullName).Where(f => f.StartsWith("lib/", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal).ToArray();

        Assert.Equal(new[] { "lib/net10.0/Foundry.Generated.Clients.Hosting.dll", "lib/net10.0/Foundry.Generated.Clients.Hosting.xml", "lib/net10.0/Foundry.Generated.Hosting.Core.dll", "lib/net10.0/Foundry.Generated.Hosting.Core.xml" }, libs);
        using var nuspec = new StreamReader(archive.GetEntry("Foundry.Generated.Hosting.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains($"<dependency id=\"Foundry.Generated\" version=\"{feed.Version}\"", text);
        // The README's examples (ChatClientBuilder, UseFunctionInvocation, AddChatClient) need the full package, not only its abstractions.
        Assert.Contains("<dependency id=\"Microsoft.Extensions.AI\"", text);
        Assert.DoesNotContain("Foundry.Generated.Hosting.Core", text);
    }

    [Fact]
    public async Task A_fresh_project_referencing_the_package_builds_and_streams_from_the_emulator()
    {
        using var consumer = new ConsumerProject(feed, "Foundry.Generated", """
            using Foundry.Generated;
            using Foundry.Generated.OpenAi;

            using var client = new FoundryLlmClient();
            await foreach (var e in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Tell me a 6 word story" }))
            {
                if (e is ResponseTextDeltaEvent delta) System.Console.Write(delta.Delta);
            }
            System.Console.WriteLine();
            System.Console.WriteLine("models: " + ResponsesModel.All.Count);
            """);

        await using var emulator = await FoundryProxyEmulator.StartAsync();
        var runOutput = BuildAndRun(consumer, emulator);

        var lines = runOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(6, lines[0].Split(' ').Length);
        Assert.StartsWith("models: ", lines[1]);
        Assert.Contains(emulator.Requests, r => r.Route == "openai-responses" && r.Status == 200);
        // The default path: the types come precompiled from the package; the consumer's assembly has none of them.
        Assert.Equal(new[] { "Program" }, AssemblyTypes.Defined(consumer.OutputAssembly));
    }

    [Fact]
    public void With_its_own_catalog_a_package_consumer_gets_only_the_added_models_and_the_analyzer_checks_against_it_laid_over_the_packages()
    {
        using var consumer = new ConsumerProject(feed, "Foundry.Generated", """
            using Foundry.Generated;

            System.Console.WriteLine(AppModels.Responses.MyPrivateModel.Rid);
            System.Console.WriteLine(ResponsesModel.Gpt5Mini.Rid);
            """, "<FoundryModelCatalog>$(MSBuildProjectDirectory)/my-catalog.json</FoundryModelCatalog>");
        File.WriteAllText(Path.Combine(consumer.Directory, "my-catalog.json"), CatalogOfOnlyAPrivateModel());

        var (exit, output) = consumer.Build();
        Assert.True(exit == 0, output);
        Assert.Equal(new[] { "Foundry.Generated.AppModels", "Foundry.Generated.AppModels/Responses", "Program" }, AssemblyTypes.Defined(consumer.OutputAssembly).Order(StringComparer.Ordinal));
        var (runExit, runOutput) = consumer.Run(null);
        Assert.True(runExit == 0, runOutput);
        Assert.StartsWith("ri.language-model-service..language-model.my-private-model", runOutput);

        File.WriteAllText(Path.Combine(consumer.Directory, "Program.cs"), """
            System.Console.WriteLine(Foundry.Generated.ResponsesModel.Parse("gpt-5-mini-2025-08-07"));
            System.Console.WriteLine(Foundry.Generated.ResponsesModel.Parse("my-private-model"));
            System.Console.WriteLine(Foundry.Generated.ResponsesModel.Parse("gpt-5-mini"));
            """);
        var (badExit, badOutput) = consumer.Build();
        Assert.NotEqual(0, badExit);
        // Your catalog overlays the package's: its models stay valid though my-catalog.json lists only yours.
        Assert.DoesNotContain("Program.cs(3,", badOutput);
        Assert.Contains("Program.cs(1,65): error FDRY001: 'gpt-5-mini-2025-08-07' is not a model in the Foundry model catalog; did you mean 'gpt-5-mini'", badOutput);
        Assert.Contains("Program.cs(2,65): error FDRY007: Model 'my-private-model' is in your model catalog but not in the precompiled ResponsesModel", badOutput);
    }

    [Fact]
    public void The_foundry_llm_tool_installs_from_the_feed_and_lists_the_models_and_plans_a_probe()
    {
        var tools = Path.Combine(Path.GetTempPath(), "fdry-tools-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (installExit, installOutput) = Dotnet.Run(Path.GetTempPath(), "tool", "install", "Foundry.Generated.Cli", "--tool-path", tools, "--add-source", feed.Folder, "--version", feed.Version);
            Assert.True(installExit == 0, installOutput);
            var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "foundry-llm.exe" : "foundry-llm");

            var (modelsExit, models) = Run(tool, "models");
            Assert.True(modelsExit == 0, models);
            Assert.Contains("gpt-5-mini", models);
            Assert.Matches(@"\d+ models", models);

            var (probeExit, plan) = Run(tool, "probe", "--model", "gpt-5-mini", "--dry-run");
            Assert.True(probeExit == 0, plan);
            Assert.Contains("gpt-5-mini on openai-responses", plan);
            Assert.Contains("2 requests", plan);
        }
        finally
        {
            if (Directory.Exists(tools))
            {
                Directory.Delete(tools, recursive: true);
            }
        }
    }

    private static (int Exit, string Output) Run(string program, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    /// <summary>A user's catalog holding only its own model (and the route it uses).</summary>
    private static string CatalogOfOnlyAPrivateModel()
    {
        var catalog = JsonNode.Parse(CatalogWithPrivateModel())!;
        catalog["routes"] = new JsonArray(catalog["routes"]!.AsArray().First(r => (string?)r!["id"] == "openai-responses")!.DeepClone());
        catalog["models"] = new JsonArray(catalog["models"]!.AsArray().First(m => (string?)m!["id"] == "my-private-model")!.DeepClone());
        return catalog.ToJsonString();
    }

    private static string CatalogWithPrivateModel()
    {
        var catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(PackageFeed.RepoRoot, "spec", "model-catalog.json")))!;
        var extra = catalog["models"]!.AsArray().First(m => (string?)m!["id"] == "gpt-5-mini")!.DeepClone();
        extra["id"] = "my-private-model";
        extra["rid"] = "ri.language-model-service..language-model.my-private-model";
        extra["displayName"] = "My private model";
        extra["aliases"] = new JsonArray();
        catalog["models"]!.AsArray().Add(extra);
        return catalog.ToJsonString();
    }

    [Fact]
    public async Task Referencing_only_the_hosting_package_brings_the_generator_and_FoundrySpecDirectory_points_it_at_your_own_spec()
    {
        // The user's own catalog: the package's, plus a model the package does not know.
        using var consumer = new ConsumerProject(feed, "Foundry.Generated.Hosting", """
            using Foundry.Generated;
            using Foundry.Generated.OpenAi;
            using Microsoft.Extensions.DependencyInjection;

            var services = new ServiceCollection();
            services.AddFoundryLlm();
            using var provider = services.BuildServiceProvider();
            var responses = provider.GetRequiredService<OpenAiResponsesClient>();
            var reply = await responses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Tell me a 4 word story" });
            System.Console.WriteLine(reply.Output.Count > 0 ? "reply" : "empty");
            System.Console.WriteLine(ResponsesModel.MyPrivateModel.Rid);
            """, "<FoundrySpecDirectory>$(MSBuildProjectDirectory)/my-spec/</FoundrySpecDirectory>");
        var mySpec = Directory.CreateDirectory(Path.Combine(consumer.Directory, "my-spec")).FullName;
        File.Copy(Path.Combine(PackageFeed.RepoRoot, "spec", "foundry-llm-proxy.openapi.json"), Path.Combine(mySpec, "foundry-llm-proxy.openapi.json"));
        File.WriteAllText(Path.Combine(mySpec, "model-catalog.json"), CatalogWithPrivateModel());

        await using var emulator = await FoundryProxyEmulator.StartAsync();
        var runOutput = BuildAndRun(consumer, emulator);

        Assert.Contains("reply", runOutput);
        Assert.Contains("ri.language-model-service..language-model.my-private-model", runOutput);
        // The clients (and AddFoundryLlm) were generated into the consumer's own clients assembly, not its program.
        var bin = Path.Combine(consumer.Directory, "bin", "Debug", "net10.0");
        Assert.Contains("Foundry.Generated.OpenAiResponsesClient", AssemblyTypes.Defined(Path.Combine(bin, "Consumer.FoundryClients.dll")));
        Assert.DoesNotContain(AssemblyTypes.Defined(Path.Combine(bin, "Consumer.dll")), t => t.StartsWith("Foundry.Generated", StringComparison.Ordinal));
    }

    [Fact]
    public void A_test_project_that_references_only_the_testing_package_talks_to_a_fake_foundry_in_memory()
    {
        // No emulator and no FOUNDRY_URL: the fake answers in the consumer's own process, scripted as a test would.
        using var consumer = new ConsumerProject(feed, "Foundry.Generated.Testing", """
            using Foundry.Generated;
            using Foundry.Generated.OpenAi;
            using Foundry.Generated.Testing;

            var foundry = new FakeFoundry();
            foundry.Enqueue(FoundryReply.Text("scripted", " answer"));
            using var client = foundry.CreateClient();
            await foreach (var text in client.OpenAiResponses.StreamTextAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" }))
            {
                System.Console.Write(text);
            }

            System.Console.WriteLine();
            System.Console.WriteLine(foundry.LastRequest.Decode<CreateResponse>().Model);
            """);

        var (exit, output) = consumer.Build();
        Assert.True(exit == 0, output);
        var (runExit, runOutput) = consumer.Run(null);

        Assert.True(runExit == 0, runOutput);
        Assert.Contains("scripted answer", runOutput);
        Assert.Contains("gpt-5-mini", runOutput);
    }

    /// <summary>Builds (the generator must load and run: no CS8032/CS8784/CS8785) and runs against the emulator.</summary>
    private static string BuildAndRun(ConsumerProject consumer, FoundryProxyEmulator emulator)
    {
        var (exit, output) = consumer.Build();
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("CS8032", output);
        Assert.DoesNotContain("CS8784", output);
        Assert.DoesNotContain("CS8785", output);

        var (runExit, runOutput) = consumer.Run(emulator);
        Assert.True(runExit == 0, runOutput);
        return runOutput;
    }

    /// <summary>A console project in a temporary folder outside the repository (so none of its build files apply).</summary>
    private sealed class ConsumerProject : IDisposable
    {
        public ConsumerProject(PackageFeed feed, string packageId, string program, string extraProperties = "")
        {
            Directory = Path.Combine(Path.GetTempPath(), "fdry-pkg-consumer-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            feed.WriteNuGetConfig(Directory);
            File.WriteAllText(Path.Combine(Directory, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <NuGetAudit>false</NuGetAudit>
                    {extraProperties}
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{packageId}" Version="{feed.Version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(Directory, "Program.cs"), program);
        }

        public string Directory { get; }

        public (int Exit, string Output) Build() => Dotnet.Run(Directory, "build", "-nologo");

        public string OutputAssembly => Path.Combine(Directory, "bin", "Debug", "net10.0", "Consumer.dll");

        public (int Exit, string Output) Run(FoundryProxyEmulator? emulator)
            => Dotnet.Run(Directory, emulator is null ? [] : [("FOUNDRY_URL", emulator.BaseUrl.ToString()), ("FOUNDRY_TOKEN", emulator.Token)], "run", "--no-build");

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
