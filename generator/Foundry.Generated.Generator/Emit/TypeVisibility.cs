namespace Foundry.Generated.Generator.Emit;

/// <summary>
/// The keyword every emitter and template declares its top-level types with (<c>FoundryGeneratedVisibility</c>).
/// Nested types and members stay <c>public</c>: they are no more visible than their internal container.
/// </summary>
internal static class TypeVisibility
{
    /// <summary>Replaced in the adapter templates by <see cref="Keyword"/>.</summary>
    public const string Token = "__Visibility__";

    public static string Keyword(bool internalTypes) => internalTypes ? "internal" : "public";
}
