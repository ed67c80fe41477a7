using Foundry.Generated.Catalog.Json;

namespace Foundry.Generated.Spec.Reading;

/// <summary>One problem in a spec file, at a JSON pointer and its line and column.</summary>
/// <param name="Kind">What kind of problem.</param>
/// <param name="Message">Says what is wrong, without the position (callers add it).</param>
/// <param name="Pointer">JSON pointer of the offending value (<c>#/components/schemas/X/$ref</c>); empty for the whole file.</param>
/// <param name="Position">Where the pointer lands in the text.</param>
/// <param name="IsError">False for warnings that leave the document usable.</param>
public sealed record SpecProblem(SpecProblemKind Kind, string Message, string Pointer, TextPosition Position, bool IsError)
{
    public override string ToString() => $"{Position}: {(IsError ? "error" : "warning")} {Kind}: {Message}{(Pointer.Length > 0 ? " (at " + Pointer + ")" : string.Empty)}";
}
