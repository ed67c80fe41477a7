using System;
using System.IO;
using Xunit;

namespace Foundry.Generated.Build.Tests;

/// <summary>
/// A consumer exactly as the README shows (one import) builds with the real compiler: on the default path it compiles
/// none of the generated types (they come precompiled), the analyzer loads and a bad model id fails the build.
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
}
