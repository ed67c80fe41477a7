using System;
using System.IO;
using System.Threading.Tasks;
using Foundry.Generated.Emulator;
using Xunit;

namespace Foundry.Generated.Build.Tests;

/// <summary>
/// A consumer of the packed packages published as Native AOT (<c>PublishAot</c>, the SDK's ILCompiler; gcc links):
/// typed streams, the stream accumulator, structured output and the IChatClient adapter compile with no trimming or AOT warning (IL2xxx,
/// IL3xxx), and the native program streams from the emulator. The promise this keeps: reflection-free JSON end to end.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class NativeAotPublishTests(PackageFeed feed)
{
    [Fact]
    public async Task A_package_consumer_publishes_as_native_aot_without_warnings_and_streams()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "fdry-aot-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            feed.WriteNuGetConfig(dir);
            File.WriteAllText(Path.Combine(dir, "AotApp.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <PublishAot>true</PublishAot>
                    <!-- The machine has gcc, not clang. -->
                    <CppCompilerAndLinker>gcc</CppCompilerAndLinker>
                    <NuGetAudit>false</NuGetAudit>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Foundry.Generated.Hosting" Version="{feed.Version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(dir, "Program.cs"), Program);

            var (exit, output) = Dotnet.Run(dir, "publish", "-nologo", "-o", "out");

            Assert.True(exit == 0, output);
            Assert.DoesNotMatch(@"warning [A-Z]+\d+", output);
            var native = Path.Combine(dir, "out", "AotApp");
            Assert.True(File.Exists(native), output);
            Assert.False(File.Exists(Path.Combine(dir, "out", "AotApp.dll")), "a native executable, not an IL assembly");

            await using var emulator = await FoundryProxyEmulator.StartAsync();
            var (runExit, runOutput) = Processes.Run(native, dir, [("FOUNDRY_URL", emulator.BaseUrl.ToString()), ("FOUNDRY_TOKEN", emulator.Token)]);
            Assert.True(runExit == 0, runOutput);
            Assert.Contains("accumulated: completed", runOutput);
            Assert.Contains("chat client: ", runOutput);
            Assert.Contains("structured: Tell me a 6 word story, 1", runOutput);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private const string Program = """
        using Foundry.Generated;
        using Foundry.Generated.OpenAi;
        using Microsoft.Extensions.AI;

        using var client = new FoundryLlmClient();
        var request = new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Tell me a 6 word story" };
        var accumulator = new FoundryStreamAccumulator<Response>();
        await foreach (var e in client.OpenAiResponses.StreamAsync(request, accumulator))
        {
            if (e is ResponseTextDeltaEvent delta) Console.Write(delta.Delta);
        }

        Console.WriteLine();
        Console.WriteLine($"accumulated: {accumulator.ToResponse().Status}, {accumulator.ToResponseJson().Length} bytes");
        IChatClient chat = client.OpenAiChatCompletions.AsIChatClient(ChatCompletionsModel.Gpt4_1);
        Console.WriteLine("chat client: " + (await chat.GetResponseAsync("Hello")).Text);
        var structured = await client.OpenAiResponses.CreateAsync(request, StoryJson.Default.Story);
        Console.WriteLine($"structured: {structured.Value.Title}, {structured.Value.Words}");

        public sealed record Story(string Title, int Words);

        [System.Text.Json.Serialization.JsonSerializable(typeof(Story))]
        internal sealed partial class StoryJson : System.Text.Json.Serialization.JsonSerializerContext;
        """;
}
