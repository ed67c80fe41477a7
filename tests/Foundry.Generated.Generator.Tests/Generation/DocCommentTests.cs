using System.Linq;
using System.Text.Json.Nodes;
using Foundry.Generated.Generator.Emit;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>
/// Upstream descriptions become XML doc comments on types, properties, enum values and client methods, and
/// <c>deprecated: true</c> becomes <c>[Obsolete]</c>, without a warning in the generated code (the precompiled clients
/// build with GenerateDocumentationFile and warnings as errors).
/// </summary>
public sealed class DocCommentTests
{
    [Theory]
    [InlineData("Plain.", new[] { "Plain." })]
    [InlineData("a < b && c > d", new[] { "a &lt; b &amp;&amp; c &gt; d" })]
    [InlineData("See [the guide](https://x.dev/a?b=1&c=2) or [https://y.dev](https://y.dev).", new[] { "See the guide (https://x.dev/a?b=1&amp;c=2) or https://y.dev." })]
    [InlineData("Use `max_tokens` and **not** `<tag>`; a lone ` stays.", new[] { "Use <c>max_tokens</c> and not <c>&lt;tag&gt;</c>; a lone ` stays." })]
    [InlineData("One.\n\nTwo\nlines.", new[] { "<para>One.</para>", "<para>Two", "lines.</para>" })]
    [InlineData("Kinds:\n- a: first\n- b: second", new[] { "Kinds:<br/>", "- a: first<br/>", "- b: second" })]
    [InlineData("Values:\n    x: one\n    y: two", new[] { "Values:<br/>", "x: one<br/>", "y: two" })]
    [InlineData("Run\n\n```sh\nls -l </dev/null\n```", new[] { "<para>Run</para>", "<code>", "ls -l &lt;/dev/null", "</code>" })]
    [InlineData("bell\u0007, nul\u0000, NEL\u0085next, LS\u2028next, PS\u2029next, CR\rnext, tab\tend, \ufffe\uffff 😀", new[] { "bell, nul, NEL", "next, LS", "next, PS", "next, CR", "next, tab    end,  😀" })]
    [InlineData("   \n\n  ", new string[0])]
    public void Markdown_becomes_readable_well_formed_XML(string markdown, string[] expected)
        => Assert.Equal(expected, DocComments.Lines(markdown));

    [Fact]
    public void Hostile_descriptions_on_every_kind_of_type_and_member_give_well_formed_docs_without_warnings()
    {
        const string nasty = "<summary> & </summary> ]]> <!-- --> */ /// \\u0000 \\u2028 \\ud83d\\ude00 \\\\n <see cref=\\\"X\\\"/> <para> <b>";
        var spec = new SpecEdit();
        foreach (var id in new[] { "OpenAi.Base", "OpenAi.Request", "OpenAi.Input", "OpenAi.Tier", "OpenAi.Reply", "OpenAi.Event", "OpenAi.Delta", "OpenAi.Done" })
        {
            spec.Schemas[id]!["description"] = JsonNode.Parse("\"" + nasty + "\\n\\n- item\\n\\n```\\n" + nasty + "\\n```\"");
        }

        spec.Schemas["OpenAi.Reply"]!["properties"]!["id"]!["description"] = JsonNode.Parse("\"" + nasty + "\"");
        var op = spec.Root["paths"]!["/api/v2/llm/proxy/openai/v1/responses"]!["post"]!;
        op["description"] = JsonNode.Parse("\"" + nasty + "\"");
        spec.Schemas["OpenAi.Tier"]!["description"] = JsonNode.Parse("\"auto: " + nasty + "\"");

        var result = spec.Run(documented: true);

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.True(result.CompileProblems.Count == 0, string.Join("\n", result.CompileProblems.Take(10)));
        Assert.Contains("/// <summary>Wire value <c>auto</c>: &lt;summary&gt; &amp; &lt;/summary&gt;", result.Source("OpenAi.Tier.g.cs"));
    }

    [Fact]
    public void A_deprecated_operation_marks_its_client_methods_obsolete_and_only_callers_are_warned()
    {
        var spec = new SpecEdit();
        spec.Root["paths"]!["/api/v2/llm/proxy/openai/v1/responses"]!["post"]!["deprecated"] = true;

        var result = spec.Run(documented: true, sources: "internal static class Caller { internal static object M(Foundry.Generated.FoundryLlmClient c, Foundry.Generated.OpenAi.Request r) => c.OpenAiResponses.CreateAsync(r); }");

        // Create, CreateWithResponse, Stream, StreamText, Stream with an accumulator and the two structured-output
        // overloads (Create<T>, Stream<T>), each with and without per-call options.
        Assert.Equal(14, result.Source("OpenAiResponsesClient.g.cs").Split("[global::System.Obsolete]").Length - 1);
        var problems = result.CompileProblems;
        var warning = Assert.Single(problems);
        Assert.Equal("CS0612", warning.Id);
        Assert.DoesNotContain("Foundry.Generated.Generator", warning.Location.SourceTree!.FilePath);
    }

    [Fact]
    public void A_required_deprecated_property_is_obsolete_only_when_its_type_is()
    {
        // [Obsolete] on a required member of a type that is not obsolete is CS9042.
        var spec = new SpecEdit()
            .Add("OpenAi.Live", """{ "type": "object", "properties": { "old": { "type": "string", "deprecated": true } }, "required": ["old"] }""")
            .Add("OpenAi.Gone", """{ "type": "object", "deprecated": true, "properties": { "old": { "type": "string", "deprecated": true } }, "required": ["old"] }""");

        var result = spec.Run(documented: true);

        Assert.Empty(result.CompileProblems);
        Assert.DoesNotContain("Obsolete", result.Source("OpenAi.Live.g.cs"));
        Assert.Contains("/// <summary>JSON <c>old</c>.</summary>\n        /// <remarks>Deprecated upstream (not marked obsolete: it is required).</remarks>\n        public required string Old", result.Source("OpenAi.Live.g.cs"));
        Assert.Equal(2, result.Source("OpenAi.Gone.g.cs").Split("[global::System.Obsolete]").Length - 1);
    }
}
