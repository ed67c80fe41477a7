using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace Foundry.Generated.Spec.Tests;

/// <summary>The checked-in spec is exactly what the sync makes of the checked-in upstream files.</summary>
public sealed class CheckedInSpecTests
{
    private static string Root()
    {
        foreach (var attribute in typeof(CheckedInSpecTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false))
        {
            if (attribute is System.Reflection.AssemblyMetadataAttribute { Key: "RepoRoot", Value: { } root })
            {
                return root;
            }
        }

        throw new InvalidOperationException("RepoRoot metadata missing");
    }

    private static (int Exit, string Output) RunSync(params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "Foundry.Generated.SpecSync.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root() };
        start.ArgumentList.Add(tool);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    [Fact]
    public void Sync_of_the_upstream_files_reproduces_the_checked_in_spec_byte_for_byte()
    {
        var (exit, output) = RunSync("--check");

        Assert.True(exit == 0, output);
        Assert.Contains("is up to date", output);
    }

    [Fact]
    public void Sync_also_runs_on_the_older_openai_3_0_yaml_revision()
    {
        var outFile = Path.Combine(Path.GetTempPath(), "fdry-spec-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var (exit, output) = RunSync("--openai", Path.Combine(Root(), "spec", "upstream", "openai", "openapi-2025-04-manual-3.0.yaml"), "--out", outFile);

            Assert.True(exit == 0, output);
            var spec = File.ReadAllText(outFile);
            Assert.Contains("\"OpenAi.CreateChatCompletionStreamResponse\"", spec);
            Assert.Contains("\"/api/v2/llm/proxy/openai/v1/responses\"", spec);
            Assert.False(UsesKeyword(System.Text.Json.Nodes.JsonNode.Parse(spec)!, "nullable", parentKey: null), "the 3.0 'nullable' keyword survived");
        }
        finally
        {
            File.Delete(outFile);
        }
    }

    [Fact]
    public void Sync_reads_a_gzipped_hand_kept_gemini_yaml_and_prints_its_warnings()
    {
        var outFile = Path.Combine(Path.GetTempPath(), "fdry-spec-" + Guid.NewGuid().ToString("N") + ".json");
        var gemini = Path.Combine(Root(), "spec", "upstream", "history", "gemini-handkept-2024-12-23-3.0.4.yaml.gz");
        try
        {
            var (exit, output) = RunSync("--google", gemini, "--out", outFile);

            Assert.True(exit == 0, output);
            Assert.Contains("warning: " + gemini + ":123:7: no operation matches POST /models/{modelsId}:streamGenerateContent", output);
            Assert.Contains(gemini + ": YAML, OpenAPI 3.0.4, 12 paths, 28 schemas, 3 validator warnings", output);
        }
        finally
        {
            File.Delete(outFile);
        }
    }

    // A keyword is a key outside "properties" maps (Gemini has a property literally named "nullable").
    private static bool UsesKeyword(System.Text.Json.Nodes.JsonNode node, string keyword, string? parentKey)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject obj:
                foreach (var pair in obj)
                {
                    if ((pair.Key == keyword && parentKey != "properties") || (pair.Value != null && UsesKeyword(pair.Value, keyword, pair.Key)))
                    {
                        return true;
                    }
                }

                return false;
            case System.Text.Json.Nodes.JsonArray array:
                foreach (var item in array)
                {
                    if (item != null && UsesKeyword(item, keyword, null))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    [Fact]
    public void A_broken_upstream_ref_stops_the_sync_with_a_hint_and_allow_broken_refs_types_it_as_raw_json()
    {
        var upstream = File.ReadAllText(Path.Combine(Root(), "spec", "upstream", "google", "openapi.json"));
        var broken = Path.Combine(Path.GetTempPath(), "fdry-broken-ref-" + Guid.NewGuid().ToString("N") + ".json");
        var outFile = broken + ".out.json";
        const string reference = "\"$ref\": \"#/components/schemas/FunctionCall\"";
        Assert.Contains(reference, upstream);
        File.WriteAllText(broken, upstream.Replace(reference, "\"$ref\": \"#/components/schemas/FunctionCal\""));
        try
        {
            var (exit, output) = RunSync("--google", broken, "--out", outFile);
            Assert.Equal(2, exit);
            Assert.Contains("broken $ref '#/components/schemas/FunctionCal'", output);
            Assert.Contains("hint: ", output);
            Assert.Contains("--allow-broken-refs", output);
            Assert.False(File.Exists(outFile));

            (exit, output) = RunSync("--google", broken, "--out", outFile, "--allow-broken-refs");
            Assert.True(exit == 0, output);
            Assert.Contains($"warning: {broken}:", output);
            Assert.Contains("typed as raw JSON", output);
            Assert.True(File.Exists(outFile));
        }
        finally
        {
            File.Delete(broken);
            File.Delete(outFile);
        }
    }

    [Fact]
    public void Unreadable_input_exits_with_code_2_and_names_the_file_line_and_column()
    {
        var bad = Path.Combine(Path.GetTempPath(), "fdry-bad-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(bad, "{ not json");
        try
        {
            var (exit, output) = RunSync("--anthropic", bad, "--check");

            Assert.Equal(2, exit);
            Assert.Contains("error: " + bad + ":1:3: not valid JSON: ", output);
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
