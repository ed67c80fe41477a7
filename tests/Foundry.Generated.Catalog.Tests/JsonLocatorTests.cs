using Foundry.Generated.Catalog.Json;
using Xunit;

namespace Foundry.Generated.Catalog.Tests;

public sealed class JsonLocatorTests
{
    private const string Text = "{\n  \"a\": {\n    \"b\": [10, {\"c\": \"x\"}]\n  },\n  \"d\": \"é😀\", \"e\": 1\n}\n";

    [Theory]
    [InlineData("/a", 2, 8)]
    [InlineData("/a/b", 3, 10)]
    [InlineData("/a/b/0", 3, 11)]
    [InlineData("/a/b/1/c", 3, 21)]
    [InlineData("#/d", 5, 8)]
    public void Locates_values_by_pointer(string pointer, int line, int column)
    {
        var position = JsonLocator.Locate(Text, pointer);

        Assert.Equal((line, column), (position.Line, position.Column));
    }

    [Fact]
    public void Columns_count_utf16_characters_after_multibyte_text()
        => Assert.Equal((5, 20), (JsonLocator.Locate(Text, "/e").Line, JsonLocator.Locate(Text, "/e").Column));

    [Fact]
    public void Missing_path_falls_back_to_the_deepest_existing_ancestor()
        => Assert.Equal(3, JsonLocator.Locate(Text, "/a/b/7/zzz").Line);

    [Fact]
    public void Syntax_error_position_is_reported()
    {
        var error = JsonLocator.FindSyntaxError("{\n  \"a\": 1,\n  \"b\" 2\n}");

        Assert.NotNull(error);
        Assert.Equal(3, error!.Value.Position.Line);
        Assert.Null(JsonLocator.FindSyntaxError("{\"ok\": true}"));
    }

    [Theory]
    [InlineData("a/b", "a~1b")]
    [InlineData("~", "~0")]
    [InlineData("~1", "~01")]
    [InlineData("{model}:generateContent", "{model}:generateContent")]
    public void Pointer_tokens_escape_tilde_before_slash_and_round_trip(string token, string escaped)
    {
        Assert.Equal(escaped, Foundry.Generated.Catalog.Json.JsonPointer.Escape(token));
        Assert.Equal(token, Foundry.Generated.Catalog.Json.JsonPointer.Unescape(escaped));
    }
}
