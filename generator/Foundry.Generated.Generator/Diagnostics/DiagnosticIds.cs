namespace Foundry.Generated.Generator.Diagnostics;

/// <summary>
/// The id of every diagnostic, named as its descriptor in <see cref="FoundryDiagnostics"/>. Plain constants, so the spec
/// and catalog readers (which the spec sync also runs, without Roslyn loaded) can name a problem without touching a
/// <c>DiagnosticDescriptor</c>.
/// </summary>
internal static class DiagnosticIds
{
    public const string UnknownModelId = "FDRY001";
    public const string ModelNotOnRoute = "FDRY002";
    public const string DeprecatedModel = "FDRY003";
    public const string MalformedRid = "FDRY004";
    public const string UncataloguedRid = "FDRY005";
    public const string ParameterRejectedByModel = "FDRY006";
    public const string ModelNotPrecompiled = "FDRY007";
    public const string StructuredOutputNotSupported = "FDRY008";
    public const string SpecInvalidJson = "FDRY100";
    public const string SpecUnreadable = "FDRY101";
    public const string SpecBrokenReference = "FDRY102";
    public const string SpecUnsupportedConstruct = "FDRY103";
    public const string SpecUnknownRoute = "FDRY104";
    public const string SpecMissingFoundryExtension = "FDRY105";
    public const string SpecNameCollision = "FDRY106";
    public const string EmitFailed = "FDRY108";
    public const string SpecNotOpenApi = "FDRY109";
    public const string SpecOperationSkipped = "FDRY110";
    public const string CatalogInvalidJson = "FDRY200";
    public const string CatalogInvalidEntry = "FDRY201";
    public const string CatalogDuplicateModel = "FDRY202";
    public const string CatalogUnknownRoute = "FDRY203";
    public const string CatalogMalformedRid = "FDRY204";
    public const string NoSpecFile = "FDRY300";
    public const string NoCatalogFile = "FDRY301";
    public const string InvalidOption = "FDRY302";
    public const string IntegrationSkipped = "FDRY303";
}
