using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Foundry.Generated.Generator.Emit.Integrations;

/// <summary>
/// What each adapter body needs from the spec: <c>AdapterRequirements.txt</c> (embedded), one "body name" a line, a
/// name being a type (<c>OpenAi.Response</c>) or a member (<c>OpenAi.Response.IncompleteDetails</c>) below the root
/// namespace, or through a header alias (<c>Request.PreviousResponseId</c>). A test writes the file from the symbols
/// the compiled adapters use, so it is never kept by hand.
/// </summary>
internal static class AdapterRequirements
{
    public const string ResourceName = "Foundry.Generated.Generator.AdapterRequirements.txt";

    private static readonly Lazy<Dictionary<string, List<string>>> ByBody = new(Load);

    /// <summary>The names the body needs, as written (aliases unresolved), in file order.</summary>
    public static IReadOnlyList<string> Of(string body) => ByBody.Value.TryGetValue(body, out var names) ? names : (IReadOnlyList<string>)Array.Empty<string>();

    /// <summary>A required name with its header alias resolved for one adapter (<c>Request.X</c> → <c>OpenAi.CreateResponse.X</c>).</summary>
    public static string Resolve(IntegrationTemplate template, string name)
    {
        var dot = name.IndexOf('.');
        var head = dot < 0 ? name : name.Substring(0, dot);
        return template.AliasTarget(head) is { } target ? target + (dot < 0 ? string.Empty : name.Substring(dot)) : name;
    }

    public static Dictionary<string, List<string>> Parse(string text)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.IndexOf(' ');
            var body = line.Substring(0, space);
            if (!result.TryGetValue(body, out var names))
            {
                result[body] = names = new List<string>();
            }

            names.Add(line.Substring(space + 1));
        }

        return result;
    }

    private static Dictionary<string, List<string>> Load()
    {
        using var stream = typeof(AdapterRequirements).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("Missing embedded " + ResourceName);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }
}
