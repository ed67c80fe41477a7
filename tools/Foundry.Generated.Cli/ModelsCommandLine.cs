using System.CommandLine;
using Foundry.Generated.Cli.Chat;

namespace Foundry.Generated.Cli;

/// <summary><c>foundry-llm models</c> (and <c>foundry-llm chat models</c>): the catalog as a table.</summary>
internal static class ModelsCommandLine
{
    public static Command Create()
    {
        var command = new Command("models", "the model catalog: id, RID, routes, lifecycle");
        command.SetAction(parsed =>
        {
            ModelTable.Write(parsed.InvocationConfiguration.Output);
            return ChatApp.Ok;
        });
        return command;
    }
}
