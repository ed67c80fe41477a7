namespace Foundry.Generated.Spec.Normalizing;

/// <summary>The keywords the normalised dialect keeps, in the order they are written.</summary>
internal static class SchemaKeywords
{
    public static readonly string[] Kept =
    {
        "$ref", "type", "format", "const", "enum", "items", "properties", "required", "additionalProperties",
        "oneOf", "anyOf", "allOf", "discriminator", "default", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems",
        "description", "deprecated",
    };

    public static bool IsKept(string key) => System.Array.IndexOf(Kept, key) >= 0 || key.StartsWith("x-foundry-", System.StringComparison.Ordinal);
}
