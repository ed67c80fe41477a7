using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit;

namespace Foundry.Generated.Build.Tests;

/// <summary>
/// The custom path (FoundrySpecDirectory) with the real compiler: the generated types go into an assembly of the
/// project's own (<c>X.FoundryClients.dll</c>), compiled again only when its inputs change, so an edit of the project's
/// code recompiles that code alone; <c>FoundryGeneratedAssembly=false</c> generates into the project instead.
/// </summary>
public sealed class SpecAssemblyBuildTests
{
    private const string Internal = "<FoundryGeneratedVisibility>internal</FoundryGeneratedVisibility>";

    private static string Custom(string routes) => $"<FoundrySpecDirectory>{PackageFeed.RepoRoot}/spec/</FoundrySpecDirectory><FoundryRoutes>{routes}</FoundryRoutes>";

    [Fact]
    public void A_custom_spec_project_compiles_the_selected_route_once_into_its_clients_assembly_checks_model_ids_and_recompiles_it_only_when_an_option_changes()
    {
        using var folder = new ProjectFolder();
        var shared = folder.Project("Shared", exe: false, importProps: false, code: "namespace Shared;\npublic static class Greeting { public static string Text => \"True\"; }\n");
        var app = folder.Project("Consumer", exe: true, beforeImport: Custom("openai-responses") + Internal, code: """
            using Foundry.Generated;
            using Foundry.Generated.OpenAi;

            using var client = new FoundryLlmClient();
            var request = new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" };
            System.Console.WriteLine(client.OpenAiResponses is not null ? Shared.Greeting.Text : "no client");
            """, items: """<ItemGroup><ProjectReference Include="../Shared/Shared.csproj" /></ItemGroup>""");

        var (exit, output) = folder.Build(app);
        Assert.True(exit == 0, output);
        Assert.Contains(" 0 Warning(s)", output);
        var clients = Path.Combine(app, "bin", "Debug", "net10.0", "Consumer.FoundryClients.dll");
        var types = AssemblyTypes.Defined(clients);
        Assert.Contains("Foundry.Generated.OpenAiResponsesClient", types);
        Assert.Contains("Foundry.Generated.OpenAi.ResponseStreamEvent", types);
        Assert.DoesNotContain(types, t => t.EndsWith("ChatCompletionsClient", StringComparison.Ordinal) || t.StartsWith("Foundry.Generated.Anthropic.", StringComparison.Ordinal) || t.StartsWith("Foundry.Generated.Gemini.", StringComparison.Ordinal));
        Assert.Equal(["Program"], AssemblyTypes.Defined(Path.Combine(app, "bin", "Debug", "net10.0", "Consumer.dll")));
        var compiled = File.GetLastWriteTimeUtc(clients);

        // An edit of the program: the program is recompiled, the clients assembly is not.
        File.AppendAllText(Path.Combine(app, "Program.cs"), "\nSystem.Console.WriteLine(\"edited\");\n");
        (exit, output) = folder.Build(app, "--no-restore");
        Assert.True(exit == 0, output);
        Assert.Equal(compiled, File.GetLastWriteTimeUtc(clients));
        var (runExit, runOutput) = Dotnet.Run(app, [("FOUNDRY_URL", "http://127.0.0.1:9")], "bin/Debug/net10.0/Consumer.dll");
        Assert.True(runExit == 0, runOutput);
        Assert.Equal("True\nedited", runOutput.Trim().ReplaceLineEndings("\n"));

        // An API change in another project of the user's: the program is recompiled against it, the clients assembly
        // (which never references it) is not.
        File.AppendAllText(Path.Combine(shared, "Shared.cs"), "public static class Added { public static int Value => 1; }\n");
        (exit, output) = folder.Build(app, "--no-restore");
        Assert.True(exit == 0, output);
        Assert.Equal(compiled, File.GetLastWriteTimeUtc(clients));

        // The analyzer in the project checks model ids against the types in the clients assembly.
        File.WriteAllText(Path.Combine(app, "Program.cs"), "System.Console.WriteLine(Foundry.Generated.ResponsesModel.Parse(\"gpt-5-mini-2025-08-07\"));\n");
        (exit, output) = folder.Build(app, "--no-restore");
        Assert.NotEqual(0, exit);
        Assert.Contains("error FDRY001: 'gpt-5-mini-2025-08-07' is not a model in the Foundry model catalog", output);
        Assert.Equal(compiled, File.GetLastWriteTimeUtc(clients));

        // Another route selected: the clients assembly is compiled again, with that route only.
        File.WriteAllText(Path.Combine(app, "Program.cs"), "System.Console.WriteLine(typeof(Foundry.Generated.FoundryLlmClient).Assembly.GetName().Name);\n");
        (exit, output) = folder.Build(app, "--no-restore", "-p:FoundryRoutes=anthropic-messages");
        Assert.True(exit == 0, output);
        types = AssemblyTypes.Defined(clients);
        Assert.Contains("Foundry.Generated.AnthropicMessagesClient", types);
        Assert.DoesNotContain("Foundry.Generated.OpenAiResponsesClient", types);
    }

    [Fact]
    public void Two_libraries_with_internal_generated_types_one_in_its_clients_assembly_and_one_generating_into_itself_run_side_by_side_in_one_app()
    {
        using var folder = new ProjectFolder();
        folder.Project("LibA", exe: false, beforeImport: Custom("openai-responses") + Internal, code: """
            namespace LibA;
            public static class A { public static string Model() => Foundry.Generated.ResponsesModel.Gpt5Mini.ToString(); }
            """);
        folder.Project("LibB", exe: false, beforeImport: Custom("anthropic-messages") + Internal + "<FoundryGeneratedAssembly>false</FoundryGeneratedAssembly>", code: """
            namespace LibB;
            public static class B { public static string Model() => Foundry.Generated.AnthropicMessagesModel.ClaudeSonnet4_5.ToString(); }
            """);
        var app = folder.Project("App", exe: true, importProps: false, code: "System.Console.WriteLine(LibA.A.Model() + \" \" + LibB.B.Model());",
            items: """<ItemGroup><ProjectReference Include="../LibA/LibA.csproj" /><ProjectReference Include="../LibB/LibB.csproj" /></ItemGroup>""");

        var (exit, output) = folder.Build(app);
        Assert.True(exit == 0, output);
        Assert.Contains(" 0 Warning(s)", output);
        var bin = Path.Combine(app, "bin", "Debug", "net10.0");
        Assert.Contains("Foundry.Generated.ResponsesModel", AssemblyTypes.Defined(Path.Combine(bin, "LibA.FoundryClients.dll")));
        Assert.DoesNotContain(AssemblyTypes.Defined(Path.Combine(bin, "LibA.dll")), t => t.StartsWith("Foundry.Generated", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(bin, "LibB.FoundryClients.dll")));
        Assert.Contains("Foundry.Generated.AnthropicMessagesModel", AssemblyTypes.Defined(Path.Combine(bin, "LibB.dll")));

        var (runExit, runOutput) = Dotnet.Run(app, "bin/Debug/net10.0/App.dll");
        Assert.True(runExit == 0, runOutput);
        Assert.Equal("gpt-5-mini claude-sonnet-4.5", runOutput.Trim());

        // Packed, the library carries its clients assembly.
        var libA = Path.Combine(app, "..", "LibA");
        (exit, output) = Dotnet.Run(libA, "pack", "-nologo", "-o", Path.Combine(libA, "out"));
        Assert.True(exit == 0, output);
        using var package = ZipFile.OpenRead(Directory.GetFiles(Path.Combine(libA, "out"), "LibA.*.nupkg").Single());
        Assert.Contains("lib/net10.0/LibA.FoundryClients.dll", package.Entries.Select(e => e.FullName));
    }
}
