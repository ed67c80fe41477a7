
namespace Foundry.Generated.Spec.Normalizing;

/// <summary>Names for components: provider prefix plus upstream name, and names for hoisted inline schemas.</summary>
internal static class SchemaNames
{
    public const string ComponentPrefix = "#/components/schemas/";

    public static string Qualified(string provider, string name) => provider + "." + name;

    public static string Ref(string qualifiedName) => ComponentPrefix + qualifiedName;

    /// <summary><c>max_output_tokens</c> → <c>MaxOutputTokens</c>.</summary>
    public static string Pascal(string name) => global::Foundry.Generated.Catalog.Naming.PascalCase.From(name);

    /// <summary>Name for the items of an array property: <c>Choices</c> → <c>Choice</c>, <c>Data</c> → <c>DataItem</c>.</summary>
    public static string Singular(string hint)
    {
        if (hint.EndsWith("ies", System.StringComparison.Ordinal) && hint.Length > 3)
        {
            return hint.Substring(0, hint.Length - 3) + "y";
        }

        if (hint.EndsWith("s", System.StringComparison.Ordinal) && !hint.EndsWith("ss", System.StringComparison.Ordinal) && hint.Length > 1)
        {
            return hint.Substring(0, hint.Length - 1);
        }

        return hint + "Item";
    }
}
