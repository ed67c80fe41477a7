using System;
using System.Collections.Generic;
using System.Globalization;

namespace Foundry.Generated.Cli.Chat;

/// <summary>The command line: <c>[models] [--model M] [--route R] [--system S] [--max-output-tokens N] [--json] prompt...</c>.</summary>
internal sealed record ChatOptions(string Prompt, string? Model, string? Route, string? System, int? MaxOutputTokens, bool Json, bool ListModels, bool Help = false)
{
    /// <summary>The model without <c>--model</c>, unless a <c>--route</c> it does not work on is named.</summary>
    public const string DefaultModel = "gpt-5-mini";

    /// <summary>How the tool names this command in its usage text.</summary>
    public const string ToolCommand = "foundry-llm chat";

    /// <summary>The usage text.</summary>
    public static string Usage() => $"""
        Usage: {ToolCommand} [options] "prompt"
               {ToolCommand} models

        Options:
          --model <id|rid>           friendly id or Model Catalog RID (default gpt-5-mini; with only a --route that
                                     gpt-5-mini does not work on, the catalog's first GA model preferring that route)
          --route <route>            responses | chat | anthropic | gemini | xai | xai-chat (default: the model's preferred route)
          --system <text>            system prompt
          --max-output-tokens <n>    limit the answer
          --json                     print each raw event as JSON instead of the text
        Environment: FOUNDRY_URL and FOUNDRY_TOKEN; without FOUNDRY_URL an embedded emulator answers.
        """;

    public static ChatOptions Parse(IReadOnlyList<string> args)
    {
        string? model = null;
        string? route = null;
        string? system = null;
        int? max = null;
        var json = false;
        var list = false;
        var prompt = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--model": model = Value(); break;
                case "--route": route = Value(); break;
                case "--system": system = Value(); break;
                case "--max-output-tokens":
                    var text = Value();
                    max = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"--max-output-tokens needs a positive number, not '{text}'.");
                    break;
                case "--json": json = true; break;
                case "-h" or "--help": return new ChatOptions(string.Empty, null, null, null, null, false, false, Help: true);
                case "models" when i == 0: list = true; break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new ArgumentException($"Unknown option {args[i]}.\n{Usage()}");
                    }

                    prompt.Add(args[i]);
                    break;
            }
        }

        if (!list && prompt.Count == 0)
        {
            throw new ArgumentException("Give a prompt.\n" + Usage());
        }

        return new ChatOptions(string.Join(" ", prompt), model, route, system, max, json, list);
    }
}
