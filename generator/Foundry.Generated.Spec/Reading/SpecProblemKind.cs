namespace Foundry.Generated.Spec.Reading;

/// <summary>What is wrong with a spec file.</summary>
public enum SpecProblemKind
{
    /// <summary>The text is not JSON.</summary>
    InvalidJson,

    /// <summary>Microsoft.OpenApi cannot read it as an OpenAPI document (or reports an error in it).</summary>
    Unreadable,

    /// <summary>A <c>$ref</c> points at nothing, or outside the file.</summary>
    BrokenReference,

    /// <summary>An <c>x-foundry-route</c> or <c>x-foundry-model-route</c> is not one of the route ids.</summary>
    UnknownRoute,

    /// <summary>A warning from Microsoft.OpenApi; the document is still usable.</summary>
    ReaderWarning,
}
