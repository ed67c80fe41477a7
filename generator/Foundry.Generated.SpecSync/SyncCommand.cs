using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Foundry.Generated.Spec.Sync;

namespace Foundry.Generated.SpecSync;

/// <summary>
/// Regenerates spec/foundry-llm-proxy.openapi.json from the providers' upstream OpenAPI files
/// (<c>dotnet run --project generator/Foundry.Generated.SpecSync</c>, or <c>foundry-llm sync</c>).
/// </summary>
public static class SyncCommand
{
    public const string Usage = "Usage: sync [--openai F] [--anthropic F] [--google F] [--out F] [--check] [--allow-broken-refs]";

    /// <summary>Runs the sync; 0 done, 1 out of date (--check), 2 bad input or arguments.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = RepoRoot.Find();
        var openAi = Path.Combine(root, "spec", "upstream", "openai", "openapi.json");
        var anthropic = Path.Combine(root, "spec", "upstream", "anthropic", "openapi.json");
        var google = Path.Combine(root, "spec", "upstream", "google", "openapi.json");
        var output = Path.Combine(root, "spec", "foundry-llm-proxy.openapi.json");
        var check = false;
        var allowBrokenRefs = false;

        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--openai": openAi = Next(); break;
                case "--anthropic": anthropic = Next(); break;
                case "--google": google = Next(); break;
                case "--out": output = Next(); break;
                case "--check": check = true; break;
                case "--allow-broken-refs": allowBrokenRefs = true; break;
                case "-h" or "--help":
                    stdout.WriteLine(Usage);
                    return 0;
                default:
                    stderr.WriteLine($"error: unknown argument '{args[i]}' (see --help)");
                    return 2;
            }
        }

        try
        {
            var warnings = new List<string>();
            var upstream = new[]
            {
                UpstreamLoader.Load("OpenAi", openAi, stdout),
                UpstreamLoader.Load("Anthropic", anthropic, stdout),
                UpstreamLoader.Load("Gemini", google, stdout),
            };
            if (allowBrokenRefs)
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

            if (check)
            {
                var current = File.Exists(output) ? await File.ReadAllTextAsync(output) : string.Empty;
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
