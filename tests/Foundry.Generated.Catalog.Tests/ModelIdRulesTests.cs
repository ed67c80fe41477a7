using Foundry.Generated.Catalog.ModelIds;
using Xunit;

namespace Foundry.Generated.Catalog.Tests;

public sealed class ModelIdRulesTests
{
    [Theory]
    [InlineData("gpt-5.2", "Gpt5_2")]
    [InlineData("gpt-4.1-mini", "Gpt4_1Mini")]
    [InlineData("gpt-5-mini", "Gpt5Mini")]
    [InlineData("o3", "O3")]
    [InlineData("grok-4-3", "Grok4_3")]
    [InlineData("claude-sonnet-4.5", "ClaudeSonnet4_5")]
    [InlineData("qwen3-235b-a22b-2507", "Qwen3_235bA22b2507")]
    public void CSharp_names_follow_the_documented_rule(string id, string expected)
        => Assert.Equal(expected, ModelIdRules.ToCSharpName(id));

    [Theory]
    [InlineData("ri.language-model-service..language-model.gpt-5-2", true)]
    [InlineData("RI.LANGUAGE-MODEL-SERVICE..LANGUAGE-MODEL.my_model.v2", true)]
    [InlineData("ri.language-model-service.language-model.gpt-5-2", false)]
    [InlineData("ri.language-model-service..language-model.", false)]
    [InlineData("gpt-5.2", false)]
    public void Rid_form_is_checked(string text, bool wellFormed)
        => Assert.Equal(wellFormed, ModelIdRules.IsWellFormedRid(text));

    [Fact]
    public void Rid_prefix_is_case_insensitive_but_slug_is_exact()
    {
        Assert.True(ModelIdRules.RidEquals("RI.language-model-service..language-model.gpt-5-2", "ri.language-model-service..language-model.gpt-5-2"));
        Assert.False(ModelIdRules.RidEquals("ri.language-model-service..language-model.GPT-5-2", "ri.language-model-service..language-model.gpt-5-2"));
    }
}
