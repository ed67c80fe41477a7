using System;
using Foundry.Generated.Catalog.Collections;
using Foundry.Generated.Catalog.Json;

namespace Foundry.Generated.Generator.Model;

/// <summary>
/// A diagnostic as a value (descriptor id + where + message arguments), so pipeline models stay equatable;
/// it becomes a Roslyn <c>Diagnostic</c> only when reported.
/// </summary>
internal sealed record GeneratorProblem(string DescriptorId, string FilePath, TextPosition Position, EquatableArray<string> MessageArgs)
    : IEquatable<GeneratorProblem>;
