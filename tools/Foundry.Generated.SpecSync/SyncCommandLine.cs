using System.CommandLine;

namespace Foundry.Generated.SpecSync;

/// <summary>
/// The sync's options, given to a command: this console's root command and <c>foundry-llm sync</c> share them.
/// Defaults are resolved when the sync runs, not here, so <c>--help</c> works outside the repository.
/// </summary>
public static class SyncCommandLine
{
    public const string Description = "regenerate spec/foundry-llm-proxy.openapi.json from the upstream specs";

    public static Command AddTo(Command command)
    {
        var openAi = Path("--openai", "the OpenAI spec (default spec/upstream/openai/openapi.json)");
        var anthropic = Path("--anthropic", "the Anthropic spec (default spec/upstream/anthropic/openapi.json)");
        var google = Path("--google", "the Gemini spec (default spec/upstream/google/openapi.json)");
        var output = Path("--out", "where to write (default spec/foundry-llm-proxy.openapi.json)");
        var check = new Option<bool>("--check") { Description = "write nothing; exit 1 when the file is out of date" };
        var allowBrokenRefs = new Option<bool>("--allow-broken-refs") { Description = "type a $ref to an undefined schema as raw JSON (with a warning) instead of failing" };
        command.Options.Add(openAi);
        command.Options.Add(anthropic);
        command.Options.Add(google);
        command.Options.Add(output);
        command.Options.Add(check);
        command.Options.Add(allowBrokenRefs);
        command.SetAction((parsed, _) => SyncCommand.RunAsync(
            new SyncOptions(parsed.GetValue(openAi), parsed.GetValue(anthropic), parsed.GetValue(google), parsed.GetValue(output), parsed.GetValue(check), parsed.GetValue(allowBrokenRefs)),
            parsed.InvocationConfiguration.Output,
            parsed.InvocationConfiguration.Error));
        return command;
    }

    private static Option<string?> Path(string name, string description) => new(name) { Description = description, HelpName = "file" };
}
