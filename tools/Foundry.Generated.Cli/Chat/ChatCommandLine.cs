using System;
using System.CommandLine;

namespace Foundry.Generated.Cli.Chat;

/// <summary><c>foundry-llm chat [options] "prompt"</c>: the options and prompt of <see cref="ChatApp"/>.</summary>
internal static class ChatCommandLine
{
    public static Command Create(Func<string, string?> environment)
    {
        var model = new Option<string?>("--model")
        {
            HelpName = "id|rid",
            Description = $"friendly id or Model Catalog RID (default {ChatOptions.DefaultModel}; with only a --route that {ChatOptions.DefaultModel} does not work on, the catalog's first GA model preferring that route)",
        };
        var route = new Option<string?>("--route") { HelpName = "route", Description = $"{string.Join(" | ", RouteChoice.ShortNames)} (default: the model's preferred route)" };
        // Completions only: RouteChoice checks the name (any case) and says which names there are.
        route.CompletionSources.Add(RouteChoice.ShortNames);
        var system = new Option<string?>("--system") { HelpName = "text", Description = "system prompt" };
        var maxOutputTokens = new Option<int?>("--max-output-tokens") { HelpName = "n", Description = "limit the answer", CustomParser = result => PositiveNumber.Parse(result) };
        var json = new Option<bool>("--json") { Description = "print each raw event as JSON instead of the text" };
        var prompt = new Argument<string[]>("prompt") { Arity = ArgumentArity.ZeroOrMore, Description = "what to ask (several words are joined with spaces)" };
        prompt.CustomParser = PromptWords.Parse;

        var command = new Command("chat", "stream an answer (FOUNDRY_URL/FOUNDRY_TOKEN; without FOUNDRY_URL an embedded emulator answers)")
        {
            model, route, system, maxOutputTokens, json, prompt, ModelsCommandLine.Create(),
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(prompt) is not { Tokens.Count: > 0 })
            {
                result.AddError("Give a prompt.");
            }
        });
        command.SetAction((parsed, cancellationToken) => ChatApp.RunAsync(
            new ChatOptions(string.Join(" ", parsed.GetValue(prompt) ?? []), parsed.GetValue(model), parsed.GetValue(route), parsed.GetValue(system), parsed.GetValue(maxOutputTokens), parsed.GetValue(json)),
            parsed.InvocationConfiguration.Output,
            parsed.InvocationConfiguration.Error,
            environment,
            cancellationToken));
        return command;
    }
}
