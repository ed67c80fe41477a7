using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Foundry.Generated.Build.Tests.Readme;

/// <summary>A README C# snippet made runnable: its name (<c>L{line}</c>), the README block it starts at, and its source file.</summary>
internal sealed record Snippet(string Name, ReadmeBlock Block, string Source);

/// <summary>
/// Turns README C# snippets into one console program, as a user pastes each into a new <c>dotnet new console</c> app:
/// a snippet's statements become the body of <c>L{line}.RunAsync(args)</c>, its using directives stay at the top of
/// its file, and the types it declares after its statements (a handler class) move out of the method. A block without
/// using directives continues the snippet before it (e.g. <c>StreamTextAsync(request)</c> after the block that made
/// <c>client</c> and <c>request</c>), unless it stands alone with that snippet's usings; the types a snippet declares
/// are visible to every other, as in one project. Program.cs runs the snippet
/// named by its first argument.
/// </summary>
internal static partial class SnippetProgram
{
    public static IReadOnlyList<Snippet> Build(IReadOnlyList<ReadmeBlock> blocks, Func<ReadmeBlock, bool> standsAlone)
    {
        var snippets = new List<Snippet>();
        ReadmeBlock? lastWhole = null;
        foreach (var block in blocks)
        {
            var (usings, statements, types) = Split(block.Text);
            if (usings.Count > 0)
            {
                lastWhole = block;
            }
            else if (lastWhole is null)
            {
                throw new InvalidOperationException($"{block} has no using directives and no snippet before it to continue.");
            }
            else
            {
                // The types the snippet before declared are the program's already (one project holds every snippet).
                var (wholeUsings, wholeStatements, _) = Split(lastWhole.Text);
                usings = wholeUsings;
                statements = standsAlone(block) ? statements : [.. wholeStatements, .. statements];
            }

            var name = "L" + block.Line;
            snippets.Add(new Snippet(name, block, File(name, usings, statements, types)));
        }

        return snippets;
    }

    public static string Program(IEnumerable<Snippet> snippets)
        => "switch (args[0])\n{\n"
            + string.Concat(snippets.Select(s => $"    case \"{s.Name}\": await {s.Name}.RunAsync(args[1..]); break;\n"))
            + "    default: throw new System.ArgumentException(\"no README snippet \" + args[0]);\n}\n";

    private static string File(string name, List<string> usings, List<string> statements, List<string> types)
    {
        var awaits = statements.Any(l => AwaitKeyword().IsMatch(l));
        return string.Join('\n', usings)
            + $"\n\ninternal static class {name}\n{{\n"
            + $"    public static {(awaits ? "async " : "")}System.Threading.Tasks.Task RunAsync(string[] args)\n    {{\n"
            + string.Join('\n', statements.Select(l => "        " + l))
            + (awaits ? "" : "\n        return System.Threading.Tasks.Task.CompletedTask;")
            + "\n    }\n}\n\n"
            + string.Join('\n', types) + "\n";
    }

    // using directives | statements | type declarations at the end (with the comment lines just above them).
    private static (List<string> Usings, List<string> Statements, List<string> Types) Split(string snippet)
    {
        var lines = snippet.TrimEnd('\n').Split('\n');
        var usings = lines.Where(IsDirective).ToList();
        var rest = lines.Where(l => !IsDirective(l)).ToList();
        var firstType = rest.FindIndex(l => TypeDeclaration().IsMatch(l));
        if (firstType < 0)
        {
            return (usings, rest, []);
        }

        while (firstType > 0 && rest[firstType - 1].TrimStart().StartsWith("//", StringComparison.Ordinal))
        {
            firstType--;
        }

        return (usings, rest[..firstType], rest[firstType..]);
    }

    private static bool IsDirective(string line)
        => line.StartsWith("using ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(';') && !line.Contains('=') && !line.Contains(" var ", StringComparison.Ordinal);

    [GeneratedRegex(@"^((public|internal|sealed|static|abstract|partial|file)\s+)*(class|record|struct|interface|enum)\s")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\bawait\b")]
    private static partial Regex AwaitKeyword();
}
