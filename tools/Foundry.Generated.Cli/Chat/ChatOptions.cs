namespace Foundry.Generated.Cli.Chat;

/// <summary>One chat request as the command line gave it (see <see cref="ChatCommandLine"/>).</summary>
internal sealed record ChatOptions(string Prompt, string? Model, string? Route, string? System, int? MaxOutputTokens, bool Json)
{
    /// <summary>The model without <c>--model</c>, unless a <c>--route</c> it does not work on is named.</summary>
    public const string DefaultModel = "gpt-5-mini";
}
