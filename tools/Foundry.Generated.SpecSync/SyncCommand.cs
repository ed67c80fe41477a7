using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Foundry.Generated.Spec.Sync;
using Foundry.Generated.SpecSync.ApiChanges;

namespace Foundry.Generated.SpecSync;

/// <summary>
/// Regenerates spec/foundry-llm-proxy.openapi.json from the providers' upstream OpenAPI files
/// (<c>dotnet run --project tools/Foundry.Generated.SpecSync</c>, or <c>foundry-llm sync</c>; their options: <see cref="SyncCommandLine"/>),
/// and prints the public API changes the new revision causes in the generated types.
/// </summary>
public static class SyncCommand
{
    /// <summary>Runs the sync; 0 done, 1 out of date (--check), 2 bad input.</summary>
    public static async Task<int> RunAsync(SyncOptions options, TextWriter stdout, TextWriter stderr)
    {
        var root = RepoRoot.Find();
        var openAi = options.OpenAi ?? Path.Combine(root, "spec", "upstream", "openai", "openapi.json");
        var anthropic = options.Anthropic ?? Path.Combine(root, "spec", "upstream", "anthropic", "openapi.json");
        var google = options.Google ?? Path.Combine(root, "spec", "upstream", "google", "openapi.json");
        var output = options.Output ?? Path.Combine(root, "spec", "foundry-llm-proxy.openapi.json");

        try
        {
            var warnings = new List<string>();
            var upstream = new[]
            {
                UpstreamLoader.Load("OpenAi", openAi, stdout),
                UpstreamLoader.Load("Anthropic", anthropic, stdout),
                UpstreamLoader.Load("Gemini", google, stdout),
            };
            if (options.AllowBrokenRefs)
            {
                foreach (var document in upstream)
                {
                    BrokenReferences.Untype(document, warnings);
                }
            }

            var spec = SpecSynchronizer.Synchronize(upstream[0], upstream[1], upstream[2], warnings);
            foreach (var warning in warnings)
            {
                stdout.WriteLine("warning: " + warning);
            }

            var current = File.Exists(output) ? await File.ReadAllTextAsync(output) : string.Empty;
            var apiChanges = ApiDiff.Between(ApiSurface.Of(current), ApiSurface.Of(spec));
            if (options.Check)
            {
                ApiDiff.Print(apiChanges, stdout);
                if (current != spec)
                {
                    stderr.WriteLine($"error: {output} is out of date; run the sync without --check to regenerate it");
                    return 1;
                }

                stdout.WriteLine($"{output} is up to date");
                return 0;
            }

            await File.WriteAllTextAsync(output, spec);
            stdout.WriteLine($"wrote {output} ({spec.Length:N0} bytes)");
            ApiDiff.Print(apiChanges, stdout);
            return 0;
        }
        catch (SpecSyncException e)
        {
            stderr.WriteLine("error: " + e.Message);
            if (e.Message.Contains("broken $ref", StringComparison.Ordinal))
            {
                stderr.WriteLine("hint: the upstream document refers to a schema it does not define; --allow-broken-refs types every such reference as raw JSON (with a warning each) and goes on");
            }

            return 2;
        }
    }
}
