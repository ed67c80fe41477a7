using Microsoft.CodeAnalysis;

namespace Foundry.Generated.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator and the analyzer report: one table, ids FDRY###.
/// FDRY0xx: model ids in user code (analyzer). FDRY1xx: the OpenAPI spec. FDRY2xx: the model catalog.
/// FDRY3xx: generator configuration.
/// </summary>
public static class FoundryDiagnostics
{
    private const string ModelIds = "Foundry.ModelIds";
    private const string Spec = "Foundry.Spec";
    private const string Catalog = "Foundry.Catalog";
    private const string Configuration = "Foundry.Configuration";

    // ---- Model ids in user code (analyzer) ----

    public static readonly DiagnosticDescriptor UnknownModelId = new(
        DiagnosticIds.UnknownModelId, "Unknown model id",
        "'{0}' is not a model in the Foundry model catalog{1}",
        ModelIds, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ModelNotOnRoute = new(
        DiagnosticIds.ModelNotOnRoute, "Model not available on this route",
        "Model '{0}' does not work on route '{1}'{2}; it works on: {3}{4}",
        ModelIds, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DeprecatedModel = new(
        DiagnosticIds.DeprecatedModel, "Deprecated or sunset model",
        "Model '{0}' is {1}{2}",
        ModelIds, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MalformedRid = new(
        DiagnosticIds.MalformedRid, "Malformed model RID",
        "'{0}' is not a well-formed language model RID (expected ri.language-model-service..language-model.<name>)",
        ModelIds, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UncataloguedRid = new(
        DiagnosticIds.UncataloguedRid, "Uncatalogued model RID",
        "'{0}' is not in the model catalog; it cannot be checked at compile time",
        ModelIds, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ParameterRejectedByModel = new(
        DiagnosticIds.ParameterRejectedByModel, "Parameter rejected by model",
        "Model '{0}' rejects '{1}': {2}",
        ModelIds, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor StructuredOutputNotSupported = new(
        DiagnosticIds.StructuredOutputNotSupported, "Model without structured output",
        "Model '{0}' does not support structured output (its catalog entry says capabilities.structuredOutput: false); models that do on route '{1}': {2}",
        ModelIds, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ModelNotPrecompiled = new(
        DiagnosticIds.ModelNotPrecompiled, "Model only in your catalog",
        "Model '{0}' is in your model catalog but not in the precompiled {1}, whose Parse only knows the catalog it was compiled with; use {2}",
        ModelIds, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // ---- OpenAPI spec (AdditionalFile) ----

    public static readonly DiagnosticDescriptor SpecInvalidJson = new(
        DiagnosticIds.SpecInvalidJson, "Spec is not valid JSON",
        "The OpenAPI spec '{0}' is not valid JSON: {1}",
        Spec, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecUnreadable = new(
        DiagnosticIds.SpecUnreadable, "Spec cannot be read",
        "The OpenAPI spec '{0}' cannot be used: {1}. This is a generator bug; please report it with the spec.",
        Spec, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecBrokenReference = new(
        DiagnosticIds.SpecBrokenReference, "Broken $ref in spec",
        "'{0}' refers to '{1}', which the spec does not define",
        Spec, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecUnsupportedConstruct = new(
        DiagnosticIds.SpecUnsupportedConstruct, "Unsupported schema construct",
        "Schema '{0}' uses {1}; it is generated as raw JSON",
        Spec, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecUnknownRoute = new(
        DiagnosticIds.SpecUnknownRoute, "Unknown route in spec",
        "Operation '{0}' names route '{1}', which is not a Foundry proxy route",
        Spec, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecMissingFoundryExtension = new(
        DiagnosticIds.SpecMissingFoundryExtension, "Operation is not bound to a Foundry route",
        "Operation '{0}' has no x-foundry-route; no client is generated for it",
        Spec, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecNameCollision = new(
        DiagnosticIds.SpecNameCollision, "Generated name collision",
        "{0} would be named '{1}', which is taken by {2}; it is named '{3}' instead",
        Spec, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor EmitFailed = new(
        DiagnosticIds.EmitFailed, "Generated file could not be emitted",
        "'{0}' was not generated: {1}. This is a generator bug; please report it with the spec.",
        Spec, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecNotOpenApi = new(
        DiagnosticIds.SpecNotOpenApi, "Spec is not an OpenAPI document",
        "The OpenAPI spec '{0}' is not an OpenAPI document: {1}; no clients are generated",
        Spec, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecOperationSkipped = new(
        DiagnosticIds.SpecOperationSkipped, "Operation not generated",
        "Operation '{0}' has no client method: {1}",
        Spec, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    // ---- Model catalog (AdditionalFile) ----

    public static readonly DiagnosticDescriptor CatalogInvalidJson = new(
        DiagnosticIds.CatalogInvalidJson, "Catalog is not valid JSON",
        "The model catalog '{0}' is not valid JSON: {1}",
        Catalog, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor CatalogInvalidEntry = new(
        DiagnosticIds.CatalogInvalidEntry, "Invalid catalog entry",
        "The model catalog '{0}' has an invalid entry: {1}",
        Catalog, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor CatalogDuplicateModel = new(
        DiagnosticIds.CatalogDuplicateModel, "Duplicate model id in catalog",
        "Duplicate model in the catalog: {0}",
        Catalog, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor CatalogUnknownRoute = new(
        DiagnosticIds.CatalogUnknownRoute, "Unknown route in catalog",
        "Unknown route in the catalog: {0}",
        Catalog, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor CatalogMalformedRid = new(
        DiagnosticIds.CatalogMalformedRid, "Malformed RID in catalog",
        "Malformed RID in the catalog: {0}",
        Catalog, DiagnosticSeverity.Error, isEnabledByDefault: true);

    // ---- Configuration ----

    public static readonly DiagnosticDescriptor NoSpecFile = new(
        DiagnosticIds.NoSpecFile, "No Foundry spec",
        "No OpenAPI spec was found among AdditionalFiles (expected a file named '{0}'); no clients are generated",
        Configuration, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoCatalogFile = new(
        DiagnosticIds.NoCatalogFile, "No model catalog",
        "No model catalog was found among AdditionalFiles (expected a file named '{0}'); model types are not generated",
        Configuration, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidOption = new(
        DiagnosticIds.InvalidOption, "Invalid generator option",
        "{0} '{1}' is not valid: {2}",
        Configuration, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor IntegrationSkipped = new(
        DiagnosticIds.IntegrationSkipped, "Integration not generated",
        "The {0} adapter is not generated: the spec has no type, member or client '{1}' it needs",
        Configuration, DiagnosticSeverity.Info, isEnabledByDefault: true);

    private static readonly System.Collections.Generic.Dictionary<string, DiagnosticDescriptor> ByIdTable = BuildTable();

    /// <summary>The descriptor with the given id (every field of this class is in the table).</summary>
    public static DiagnosticDescriptor ById(string id) => ByIdTable[id];

    private static System.Collections.Generic.Dictionary<string, DiagnosticDescriptor> BuildTable()
    {
        var table = new System.Collections.Generic.Dictionary<string, DiagnosticDescriptor>(System.StringComparer.Ordinal);
        foreach (var d in new[]
        {
            UnknownModelId, ModelNotOnRoute, DeprecatedModel, MalformedRid, UncataloguedRid, ParameterRejectedByModel, ModelNotPrecompiled, StructuredOutputNotSupported,
            SpecInvalidJson, SpecUnreadable, SpecBrokenReference, SpecUnsupportedConstruct, SpecUnknownRoute,
            SpecMissingFoundryExtension, SpecNameCollision, EmitFailed, SpecNotOpenApi, SpecOperationSkipped,
            CatalogInvalidJson, CatalogInvalidEntry, CatalogDuplicateModel, CatalogUnknownRoute, CatalogMalformedRid,
            NoSpecFile, NoCatalogFile, InvalidOption, IntegrationSkipped,
        })
        {
            table[d.Id] = d;
        }

        return table;
    }
}
