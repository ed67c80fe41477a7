namespace Foundry.Generated.Generator.Pipeline;

/// <summary>Step names, so tests can check what re-ran.</summary>
public static class TrackingNames
{
    public const string Options = "Foundry.Options";
    public const string Files = "Foundry.Files";
    public const string Spec = "Foundry.Spec";
    public const string Catalog = "Foundry.Catalog";
    public const string Types = "Foundry.Types";
    public const string Clients = "Foundry.Clients";
    public const string ClientRoot = "Foundry.ClientRoot";
    public const string Models = "Foundry.Models";
    public const string SpecProblems = "Foundry.SpecProblems";
    public const string CatalogProblems = "Foundry.CatalogProblems";
    public const string Libraries = "Foundry.Libraries";
    public const string Precompiled = "Foundry.Precompiled";
    public const string Integrations = "Foundry.Integrations";
}
