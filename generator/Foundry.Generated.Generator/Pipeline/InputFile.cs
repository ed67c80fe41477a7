using System;

namespace Foundry.Generated.Generator.Pipeline;

/// <summary>An AdditionalFile's path, kind (<see cref="InputKinds"/>) and text, compared by value.</summary>
internal sealed record InputFile(string Path, string Kind, string Text) : IEquatable<InputFile>;
