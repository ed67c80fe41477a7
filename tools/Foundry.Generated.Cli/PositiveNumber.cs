using System.CommandLine.Parsing;
using System.Globalization;

namespace Foundry.Generated.Cli;

/// <summary>Parses a whole number above zero, with the message the tool has always given for anything else.</summary>
internal static class PositiveNumber
{
    public static int Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return n;
        }

        var option = result.Parent is OptionResult owner ? owner.Option.Name : result.Argument.Name;
        result.AddError($"{option} needs a positive number, not '{text}'.");
        return 0;
    }
}
