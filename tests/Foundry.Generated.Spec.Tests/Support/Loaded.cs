using System;
using System.IO;
using Foundry.Generated.Spec.Sync;
using Foundry.Generated.SpecSync;

namespace Foundry.Generated.Spec.Tests.Support;

/// <summary>The checked-in upstream files, loaded once (the sync never modifies its inputs).</summary>
internal static class Loaded
{
    private static readonly Lazy<UpstreamSpec> LazyOpenAi = new Lazy<UpstreamSpec>(() => Load("OpenAi", Repo.Upstream("openai", "openapi.json")));
    private static readonly Lazy<UpstreamSpec> LazyAnthropic = new Lazy<UpstreamSpec>(() => Load("Anthropic", Repo.Upstream("anthropic", "openapi.json")));
    private static readonly Lazy<UpstreamSpec> LazyGemini = new Lazy<UpstreamSpec>(() => Load("Gemini", Repo.Upstream("google", "openapi.json")));

    public static UpstreamSpec OpenAi => LazyOpenAi.Value;

    public static UpstreamSpec Anthropic => LazyAnthropic.Value;

    public static UpstreamSpec Gemini => LazyGemini.Value;

    public static UpstreamSpec Load(string provider, string path) => UpstreamLoader.Load(provider, path, TextWriter.Null, validate: false);

    /// <summary>Parses text as the loader would a file named <paramref name="name"/>.</summary>
    public static UpstreamSpec Read(string provider, string name, string text)
        => UpstreamLoader.Read(provider, name, text, name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal), TextWriter.Null, validate: false);

    public static string Sync(UpstreamSpec? openAi = null, UpstreamSpec? anthropic = null, UpstreamSpec? gemini = null)
        => SpecSynchronizer.Synchronize(openAi ?? OpenAi, anthropic ?? Anthropic, gemini ?? Gemini);
}
