using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Foundry.Generated.Generator.Tests.Infrastructure;

/// <summary>MSBuild-style options (<c>build_property.X</c>) for in-memory generator runs.</summary>
public sealed class TestAnalyzerConfigOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
{
    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        => values.TryGetValue(key, out value);
}

/// <summary>Global options, and per AdditionalFile path its options (e.g. <c>build_metadata.AdditionalFiles.FoundryKind</c>).</summary>
public sealed class TestAnalyzerConfigOptionsProvider(IReadOnlyDictionary<string, string> globals, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? files = null) : AnalyzerConfigOptionsProvider
{
    private static readonly TestAnalyzerConfigOptions Empty = new(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions { get; } = new TestAnalyzerConfigOptions(globals);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => files != null && files.TryGetValue(textFile.Path, out var values) ? new TestAnalyzerConfigOptions(values) : Empty;
}
