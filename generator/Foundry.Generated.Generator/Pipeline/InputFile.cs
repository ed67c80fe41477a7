using System;

namespace Foundry.Generated.Generator.Pipeline;

/// <summary>An AdditionalFile's path and text, compared by value.</summary>
internal sealed record InputFile(string Path, string Text) : IEquatable<InputFile>;
