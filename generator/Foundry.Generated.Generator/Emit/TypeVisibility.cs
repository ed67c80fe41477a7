namespace Foundry.Generated.Generator.Emit;

/// <summary>
/// The keyword every emitter and adapter header declares its top-level types with (<c>FoundryGeneratedVisibility</c>).
/// Nested types and members stay <c>public</c>: they are no more visible than their internal container.
/// </summary>
internal static class TypeVisibility
{
    public static string Keyword(bool internalTypes) => internalTypes ? "internal" : "public";
}
