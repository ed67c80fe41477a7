namespace Foundry.Generated.Generator.Analyzers;

/// <summary>
/// The diagnostic ids that have code fixes and the keys of <c>Diagnostic.Properties</c> the model-id analyzer fills for
/// them. Compiled into the code-fix assembly as well (linked source), so neither assembly loads the other.
/// </summary>
internal static class ModelIdFixProperties
{
    public const string UnknownModelId = "FDRY001";
    public const string ModelNotOnRoute = "FDRY002";
    public const string DeprecatedModel = "FDRY003";
    public const string ParameterRejectedByModel = "FDRY006";

    /// <summary>FDRY001: the suggested model ids, best first, separated by <see cref="Separator"/>.</summary>
    public const string Suggestions = "Suggestions";

    /// <summary>FDRY002: the routes the model works on, its preferred route first, separated by <see cref="Separator"/>.</summary>
    public const string Routes = "Routes";

    /// <summary>
    /// FDRY003: the catalog's successor, written the way the flagged string names the model (the successor's RID for a
    /// RID, its id otherwise); only when the successor works on the same route.
    /// </summary>
    public const string Successor = "Successor";

    public const char Separator = '\n';
}
