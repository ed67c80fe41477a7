namespace Foundry.Generated.Catalog.Json;

/// <summary>RFC 6901 reference tokens: <c>~</c> is written <c>~0</c> and <c>/</c> is written <c>~1</c>.</summary>
public static class JsonPointer
{
    public static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    // ~1 first: "~01" must decode to "~1", not "/".
    public static string Unescape(string token) => token.Replace("~1", "/").Replace("~0", "~");
}
