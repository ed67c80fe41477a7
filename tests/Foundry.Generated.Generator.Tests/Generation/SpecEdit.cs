using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using Foundry.Generated.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Foundry.Generated.Generator.Tests.Generation;

/// <summary>The construct fixture as a JSON tree to edit, run through the generator and compiled in memory.</summary>
internal sealed class SpecEdit
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public SpecEdit(string? text = null)
    {
        Root = JsonNode.Parse(text ?? GeneratorRun.Fixture("constructs.openapi.json"))!.AsObject();
    }

    public JsonObject Root { get; }

    public JsonObject Schemas => Root["components"]!["schemas"]!.AsObject();

    public SpecEdit Add(string id, string schemaJson)
    {
        Schemas[id] = JsonNode.Parse(schemaJson);
        return this;
    }

    public string Text => Root.ToJsonString(Indented);

    /// <summary>The 1-based line of the first line of <see cref="Text"/> containing <paramref name="needle"/> (at or after the first containing <paramref name="after"/>).</summary>
    public int LineOf(string needle, string? after = null)
    {
        var lines = Text.Replace("\r\n", "\n").Split('\n');
        var start = after == null ? 0 : Array.FindIndex(lines, l => l.Contains(after, StringComparison.Ordinal));
        var index = Array.FindIndex(lines, Math.Max(0, start), l => l.Contains(needle, StringComparison.Ordinal));
        return index < 0 ? throw new InvalidOperationException(needle + " not in the spec") : index + 1;
    }

    /// <param name="documented">Parse doc comments and report their problems, as a project with GenerateDocumentationFile.</param>
    public Result Run(IReadOnlyDictionary<string, string>? buildProperties = null, bool documented = false, params string[] sources)
    {
        var texts = new AdditionalText[]
        {
            new InMemoryAdditionalText(GeneratorRun.SpecPath, Text),
            new InMemoryAdditionalText(GeneratorRun.CatalogPath, GeneratorRun.Fixture("small-catalog.json")),
        };
        var (output, diagnostics, driver) = documented
            ? GeneratorHarness.RunDocumented(new FoundryGenerator(), texts, buildProperties, sources: sources)
            : GeneratorHarness.Run(new FoundryGenerator(), texts, buildProperties, sources);
        return new Result(output, diagnostics, driver);
    }

    internal sealed record Result(Compilation Output, IReadOnlyList<Diagnostic> Diagnostics, GeneratorDriver Driver)
    {
        /// <summary>C# warnings and errors of the generated code.</summary>
        public IReadOnlyList<Diagnostic> CompileProblems => GeneratorRun.Problems(Output).ToList();

        public IEnumerable<Diagnostic> Renames => Diagnostics.Where(d => d.Id == "FDRY106");

        public Diagnostic Rename(string subject) => Renames.Single(d => d.GetMessage().StartsWith(subject, StringComparison.Ordinal));

        public string Source(string hintSuffix) => GeneratorRun.Source(Driver, hintSuffix);

        /// <summary>Emits and loads the compiled code in a collectible context; dispose it when done.</summary>
        public Loaded Load()
        {
            using var stream = new MemoryStream();
            var emitted = Output.Emit(stream);
            if (!emitted.Success)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, emitted.Diagnostics));
            }

            stream.Position = 0;
            return new Loaded(stream);
        }
    }

    internal sealed class Loaded : IDisposable
    {
        private static readonly MethodInfo Deserialize = typeof(Foundry.Generated.Runtime.FoundryJson).GetMethods()
            .Single(m => m.Name == nameof(Foundry.Generated.Runtime.FoundryJson.Deserialize) && m.GetParameters()[0].ParameterType == typeof(string));

        private static readonly MethodInfo Serialize = typeof(Foundry.Generated.Runtime.FoundryJson).GetMethod(nameof(Foundry.Generated.Runtime.FoundryJson.Serialize))!;

        private readonly AssemblyLoadContext _context = new("naming", isCollectible: true);

        public Loaded(Stream image)
        {
            Assembly = _context.LoadFromStream(image);
        }

        public Assembly Assembly { get; }

        public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

        public object Read(string fullName, string json)
        {
            try
            {
                return Deserialize.MakeGenericMethod(Type(fullName)).Invoke(null, new object[] { json })!;
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                throw e.InnerException;
            }
        }

        public static string Write(object value) => (string)Serialize.MakeGenericMethod(value.GetType()).Invoke(null, new object?[] { value, null })!;

        public void Dispose() => _context.Unload();
    }
}
