using System;
using System.Collections.Generic;
using System.Linq;

namespace Foundry.Generated.Build.Tests.Readme;

/// <summary>
/// Which test checks each README block that is not a C# snippet of the walkthrough (every C# block is compiled there,
/// and run against the emulator, unless it is listed here). A new block that no entry claims fails
/// <see cref="ReadmeWalkthroughTests.Every_readme_block_is_checked_by_a_test"/>, so nothing in the README goes unchecked.
/// </summary>
internal static class ReadmeBlockChecks
{
    /// <summary>Checked elsewhere: (language, a text the block holds, the test that checks it).</summary>
    public static readonly IReadOnlyList<(string Language, string Marker, string CheckedBy)> Elsewhere =
    [
        ("sh", "dotnet run --project samples/Foundry.Chat", "Cli.Tests SampleTests (the sample's program) and .ci/run (the same test command, asserted by the walkthrough)"),
        ("xml", "<Import Project=\"path/to/Foundry.Generated/", "ProjectFolder (every repository-path consumer imports that file; the walkthrough asserts the path exists)"),
        ("json", "\"Foundry\": { \"BaseUrl\"", "Consumer.Tests Hosting/ReadmeConfigurationTests (the section read by FoundryConfiguration)"),
        ("csharp", "new FakeFoundry()", "Consumer.Tests Testing/ReadmeTestSnippetTests (compiled with xunit, its test run)"),
        ("text", "$ foundry-llm probe", "Cli.Tests ReadmeProbeSampleTests (the output the probe prints against the emulator)"),
        ("sh", "dotnet tool install Foundry.Generated.Cli", "Build.Tests PackAndConsumeTests.The_foundry_llm_tool_installs_from_the_feed_and_lists_the_models_and_plans_a_probe"),
        ("sh", "dotnet run --project tools/Foundry.Generated.SpecSync", "Spec.Tests (the sync over the checked-in upstream specs); the walkthrough asserts the project exists"),
    ];

    /// <summary>Checked by the walkthrough itself: the package steps, the catalog overlay and the package XML.</summary>
    public static readonly IReadOnlyList<(string Language, string Marker)> Walkthrough =
    [
        ("sh", "dotnet nuget add source"),
        ("sh", "dotnet pack runtime/Foundry.Generated.Testing"),
        ("xml", "<PackageReference Include=\"Foundry.Generated\""),
        ("xml", "<FoundryModelCatalog>"),
        ("json", "\"catalogVersion\""),
    ];

    public static bool IsElsewhere(ReadmeBlock block)
        => Elsewhere.Any(e => Claims(block, e.Language, e.Marker));

    public static bool Claims(ReadmeBlock block, string language, string marker)
        => block.Language == language && block.Text.Contains(marker, StringComparison.Ordinal);
}
