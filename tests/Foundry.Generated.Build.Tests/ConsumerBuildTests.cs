using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Foundry.Generated.Build.Tests;

/// <summary>
/// A consumer exactly as the README shows (one import) builds with the real compiler: on the default path it compiles
/// none of the generated types (they come precompiled), the analyzer loads and a bad model id fails the build. The
/// import runs the package's own build files, so options count wherever the project file sets them.
/// </summary>
public sealed class ConsumerBuildTests
{
    private static (int Exit, string Output) Build(string program, Action<string>? inspect = null)
    {
        using var folder = new ProjectFolder();
        var dir = folder.Project("Consumer", exe: true, code: program);
        var result = folder.Build(dir, "-p:EmitCompilerGeneratedFiles=true");
        inspect?.Invoke(dir);
        return result;
    }

    [Fact]
    public void A_default_path_consumer_uses_the_precompiled_clients_and_compiles_no_generated_type_of_its_own()
    {
        string[] generatedFiles = [];
        string[] types = [];
        var (exit, output) = Build("""
            using Foundry.Generated;
            using Foundry.Generated.OpenAi;

            var request = new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" };
            System.Console.WriteLine(Foundry.Generated.Runtime.FoundryJson.Serialize(request));
            System.Console.WriteLine(typeof(FoundryLlmClient).Assembly.GetName().Name);
            """, dir =>
        {
            var generated = Path.Combine(dir, "obj", "Debug", "net10.0", "generated");
            generatedFiles = Directory.Exists(generated) ? Directory.GetFiles(generated, "*.g.cs", SearchOption.AllDirectories) : [];
            types = AssemblyTypes.Defined(Path.Combine(dir, "bin", "Debug", "net10.0", "Consumer.dll"));
        });

        Assert.True(exit == 0, output);
        Assert.DoesNotContain(generatedFiles, f => f.Contains("Foundry.Generated.Generator", StringComparison.Ordinal));
        Assert.DoesNotContain(types, t => t.StartsWith("Foundry.Generated", StringComparison.Ordinal));
        Assert.Contains("Program", types);
        Assert.DoesNotContain("CS8032", output);
        Assert.DoesNotContain("CS8784", output);
        Assert.DoesNotContain("CS8785", output);
    }

    [Fact]
    public void A_dated_model_id_fails_the_build_with_FDRY001()
    {
        var (exit, output) = Build("""
            using Foundry.Generated;

            var model = ResponsesModel.Parse("gpt-5-mini-2025-08-07");
            System.Console.WriteLine(model);
            """);

        Assert.NotEqual(0, exit);
        Assert.Contains("error FDRY001: 'gpt-5-mini-2025-08-07' is not a model in the Foundry model catalog; did you mean 'gpt-5-mini'", output);
        Assert.Contains("Program.cs(3,34)", output);
    }

    [Fact]
    public void Options_set_after_the_import_count_a_spec_folder_set_there_is_generated_into_the_projects_clients_assembly()
    {
        using var folder = new ProjectFolder();
        var dir = folder.Project("Consumer", exe: true,
            afterImport: $"<FoundrySpecDirectory>{PackageFeed.RepoRoot}/spec/</FoundrySpecDirectory><FoundryRoutes>anthropic-messages</FoundryRoutes>",
            code: "System.Console.WriteLine(typeof(Foundry.Generated.AnthropicMessagesClient).Assembly.GetName().Name);\n");

        var (exit, output) = folder.Build(dir);

        Assert.True(exit == 0, output);
        var bin = Path.Combine(dir, "bin", "Debug", "net10.0");
        Assert.False(File.Exists(Path.Combine(bin, "Foundry.Generated.Clients.dll")), "the precompiled clients are referenced");
        var types = AssemblyTypes.Defined(Path.Combine(bin, "Consumer.FoundryClients.dll"));
        Assert.Contains("Foundry.Generated.AnthropicMessagesClient", types);
        Assert.DoesNotContain("Foundry.Generated.OpenAiResponsesClient", types);
    }

    [Fact]
    public void The_repository_entry_imports_the_build_files_the_package_ships_and_has_none_of_its_own_but_its_clone_half()
    {
        using var folder = new ProjectFolder();
        var dir = folder.Project("Consumer", exe: true, code: "");
        var imports = Path.Combine(dir, "imports.xml");

        var (exit, output) = Dotnet.Run(dir, "msbuild", "-nologo", "-preprocess:" + imports);

        Assert.True(exit == 0, output);
        var text = File.ReadAllText(imports).Replace('\\', '/');
        var shipped = Path.Combine(PackageFeed.RepoRoot, "runtime", "Foundry.Generated", "buildTransitive");
        Assert.Equal(
            ["Foundry.Generated.SpecAssembly.targets", "Foundry.Generated.props", "Foundry.Generated.targets"],
            Directory.GetFiles(shipped).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(Directory.GetFiles(shipped), file => Assert.Contains(file.Replace('\\', '/'), text));
        var entry = Path.Combine(PackageFeed.RepoRoot, "generator", "Foundry.Generated.Generator", "build");
        Assert.Equal(["Foundry.Generated.props", "Foundry.Generated.targets"], Directory.GetFiles(entry).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
