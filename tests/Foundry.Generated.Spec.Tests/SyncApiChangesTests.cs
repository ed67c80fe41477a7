using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Foundry.Generated.SpecSync;
using Xunit;
using static Foundry.Generated.Spec.Tests.TinySpecs;

namespace Foundry.Generated.Spec.Tests;

/// <summary>
/// A sync says what the new spec revision does to the generated public API (types and members added, removed,
/// retyped), so a reviewer sees the breaking changes before the regenerated clients ship them.
/// </summary>
public sealed class SyncApiChangesTests : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "fdry-sync-" + Guid.NewGuid().ToString("N"))).FullName;

    // The revision: Tool is new; CreateResponse loses Input and gains Instructions and Tools; an embedding's Input is now a number.
    private static JsonObject Revised() => OpenAi(new JsonObject
    {
        ["ResponseProperties"] = Obj(("model", Str()), ("instructions", Str()), ("tools", new JsonObject { ["type"] = "array", ["items"] = Ref("Tool") })),
        ["Tool"] = Obj(("name", Str())),
        ["CreateEmbeddingRequest"] = Obj(("model", Str()), ("input", new JsonObject { ["type"] = "integer" })),
    });

    [Fact]
    public async Task The_sync_prints_the_types_and_members_a_spec_revision_adds_removes_and_changes()
    {
        var (exit, stdout, stderr) = await Sync(Revised(), check: false);

        Assert.True(exit == 0, stderr);
        Assert.Equal(string.Join("\n", ExpectedChanges), string.Join("\n", ApiLines(stdout)));
    }

    [Fact]
    public async Task The_check_prints_the_same_changes_and_fails()
    {
        var (exit, stdout, _) = await Sync(Revised(), check: true);

        Assert.Equal(1, exit);
        Assert.Equal(string.Join("\n", ExpectedChanges), string.Join("\n", ApiLines(stdout)));
    }

    [Fact]
    public async Task A_revision_that_changes_no_generated_type_says_so()
    {
        var (exit, stdout, _) = await Sync(OpenAi(), check: true);

        Assert.Equal(0, exit);
        Assert.Contains("public API: no changes", stdout);
    }

    // ResponseProperties is a type of its own and CreateResponse (OpenAI's and xAI's) flattens it: each shows the change.
    private static readonly string[] ExpectedChanges =
    [
        "public API changes: types 1 added, 0 removed, 0 changed; members 6 added, 3 removed, 1 changed",
        "  + type Foundry.Generated.OpenAi.Tool",
        "  + member Foundry.Generated.OpenAi.CreateResponse.Instructions: string?",
        "  + member Foundry.Generated.OpenAi.CreateResponse.Tools: IReadOnlyList<Foundry.Generated.OpenAi.Tool>?",
        "  + member Foundry.Generated.OpenAi.ResponseProperties.Instructions: string?",
        "  + member Foundry.Generated.OpenAi.ResponseProperties.Tools: IReadOnlyList<Foundry.Generated.OpenAi.Tool>?",
        "  + member Foundry.Generated.Xai.CreateResponse.Instructions: string?",
        "  + member Foundry.Generated.Xai.CreateResponse.Tools: IReadOnlyList<Foundry.Generated.OpenAi.Tool>?",
        "  - member Foundry.Generated.OpenAi.CreateResponse.Input: string?",
        "  - member Foundry.Generated.OpenAi.ResponseProperties.Input: string?",
        "  - member Foundry.Generated.Xai.CreateResponse.Input: string?",
        "  ~ member Foundry.Generated.OpenAi.CreateEmbeddingRequest.Input: string? -> int?",
    ];

    /// <summary>Writes the checked-in spec of the tiny upstream documents, then syncs the revised OpenAI document over it.</summary>
    private async Task<(int Exit, string Stdout, string Stderr)> Sync(JsonObject revisedOpenAi, bool check)
    {
        var output = Path.Combine(folder, "foundry-llm-proxy.openapi.json");
        File.WriteAllText(output, TinySpecs.Sync(OpenAi()));
        var options = new SyncOptions(Write("openai.json", revisedOpenAi), Write("anthropic.json", Anthropic()), Write("gemini.json", Gemini()), output, Check: check);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SyncCommand.RunAsync(options, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, JsonObject document)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    private static string[] ApiLines(string stdout) => stdout.Split('\n').Select(l => l.TrimEnd('\r'))
        .SkipWhile(l => !l.StartsWith("public API", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith("public API", StringComparison.Ordinal) || l.StartsWith("  ", StringComparison.Ordinal)).ToArray();

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
