using System.Collections.Generic;
using System.Linq;
using Foundry.Generated.Catalog;
using Foundry.Generated.Catalog.ModelIds;
using Foundry.Generated.Generator.Emit.Types;
using Foundry.Generated.Generator.Pipeline;
using RouteNames = Foundry.Generated.Generator.Model.RouteNames;
using Foundry.Generated.Generator.Naming;

namespace Foundry.Generated.Generator.Emit.Models;

/// <summary>
/// From the catalog: <c>FoundryModels</c> (every model's metadata) and one model-id struct per route holding only
/// the models that work there, so a request for a model on the wrong route does not compile.
/// </summary>
internal static class ModelsEmitter
{
    private const string Info = "global::Foundry.Generated.FoundryModelInfo";
    private const string Runtime = "global::Foundry.Generated.Runtime";

    /// <summary>The runtime types user code names (options, model info, the model-id attribute): see DESIGN.md, Namespaces.</summary>
    private const string Public = "global::Foundry.Generated";

    public const string CatalogHintName = "Foundry.Generated.Models.FoundryModels.g.cs";

    public const string ExtrasHintName = "Foundry.Generated.Models.AppModels.g.cs";

    public static string RouteHintName(string route) => "Foundry.Generated.Models." + RouteNames.ModelTypeName(route) + ".g.cs";

    public static string EmitCatalog(ModelCatalog? catalog, string root, string visibility)
    {
        var models = catalog?.Models ?? default;
        var w = new SourceWriter().FileHeader();
        w.Line("namespace " + root);
        w.Line("{");
        w.Indent();
        w.Line($"/// <summary>The model catalog (spec/model-catalog.json, version {catalog?.CatalogVersion ?? "none"}) as code.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Foundry.Generated\", \"1.0.0\")]");
        using (w.Block($"{visibility} static partial class FoundryModels"))
        {
            foreach (var model in models)
            {
                w.Line($"/// <summary>{DocComments.Escape(model.DisplayName)} (<c>{model.Id}</c>, {model.Lifecycle}); routes: {string.Join(", ", model.Routes.Select(r => r.Route))}.</summary>");
                WriteInfo(w, model);
                w.Line();
            }

            w.Line($"/// <summary>Every catalogued model.</summary>");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{Info}> All {{ get; }} = new {Info}[]");
            w.Line("{");
            w.Indent();
            foreach (var model in models)
            {
                w.Line(model.CSharpName + ",");
            }

            w.Unindent();
            w.Line("};");
            w.Line();
            w.Line("/// <summary>Finds a model by friendly id or alias (case-insensitive) or by RID.</summary>");
            w.Line($"public static bool TryFind(string? idOrRid, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {Info}? info)");
            w.Line($"    => {Runtime}.FoundryModelLookup.TryFind(All, idOrRid, out info);");
            w.Line();
            w.Line("/// <summary>The nearest catalogued ids for a string that matched nothing, best first.</summary>");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<string> Suggest(string text, int max = 3)");
            w.Line($"    => {Runtime}.FoundryModelLookup.Suggest(All, text, max);");
        }

        w.Unindent();
        w.Line("}");
        return w.ToString();
    }

    /// <summary>Whether the catalog has a model (or a model's route) the precompiled model types lack.</summary>
    public static bool HasExtras(ModelCatalog catalog, PrecompiledModels precompiled) => Extras(catalog, precompiled).Any();

    private static IEnumerable<(CatalogModel Model, IReadOnlyList<string> Routes)> Extras(ModelCatalog catalog, PrecompiledModels precompiled)
    {
        foreach (var model in catalog.Models)
        {
            var routes = model.Routes.Select(r => r.Route).Where(r => RouteNames.IsKnown(r) && !precompiled.Has(r, model.CSharpName)).ToList();
            if (routes.Count > 0)
            {
                yield return (model, routes);
            }
        }
    }

    /// <summary>
    /// The default, precompiled path with your own catalog: <c>AppModels</c> holds the models (and routes) your catalog
    /// adds to the precompiled one, e.g. <c>AppModels.Responses.MyModel</c>, without regenerating any other type.
    /// </summary>
    public static string EmitExtras(ModelCatalog catalog, PrecompiledModels precompiled, string root, string visibility)
    {
        var extras = Extras(catalog, precompiled).ToList();
        var w = new SourceWriter().FileHeader();
        w.Line("namespace " + root);
        w.Line("{");
        w.Indent();
        w.Line($"/// <summary>Models of your model catalog (version {catalog.CatalogVersion}) that the precompiled model types do not have.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Foundry.Generated\", \"1.0.0\")]");
        using (w.Block($"{visibility} static partial class AppModels"))
        {
            foreach (var (model, _) in extras)
            {
                WriteInfo(w, model);
                w.Line();
            }

            foreach (var route in ModelIdRules.KnownRoutes)
            {
                var onRoute = extras.Where(e => e.Routes.Contains(route)).ToList();
                if (onRoute.Count == 0)
                {
                    continue;
                }

                var type = RouteNames.ModelTypeName(route)!;
                w.Line($"/// <summary>Your catalog's models on the <c>{route}</c> route.</summary>");
                using (w.Block($"public static class {type.Substring(0, type.Length - "Model".Length)}"))
                {
                    foreach (var (model, _) in onRoute)
                    {
                        w.Line($"/// <summary>{DocComments.Escape(model.DisplayName)} (<c>{model.Id}</c>).</summary>");
                        w.Line($"public static global::{root}.{type} {model.CSharpName} {{ get; }} = global::{root}.{type}.FromCatalogEntry(AppModels.{model.CSharpName});");
                    }
                }

                w.Line();
            }
        }

        w.Unindent();
        w.Line("}");
        return w.ToString();
    }

    public static string EmitRoute(string route, ModelCatalog? catalog, string root, string visibility)
    {
        var name = RouteNames.ModelTypeName(route)!;
        var models = (catalog?.Models ?? default).Where(m => m.SupportsRoute(route)).ToList();
        var w = new SourceWriter().FileHeader();
        w.Line("namespace " + root);
        w.Line("{");
        w.Indent();
        w.Line($"/// <summary>A model that works on the <c>{route}</c> route: the catalogued ones as static properties, or an uncatalogued RID.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Foundry.Generated\", \"1.0.0\")]");
        using (w.Block($"{visibility} readonly partial struct {name} : global::System.IEquatable<{name}>, {Public}.IFoundryModelId, {Runtime}.IFoundryParsableModelId<{name}>, {Runtime}.IFoundryJsonModel<{name}>"))
        {
            w.Line($"/// <summary>The route id.</summary>");
            w.Line($"public const string RouteId = {Lit(route)};");
            w.Line();
            w.Line("private readonly string? _id;");
            w.Line($"private readonly {Info}? _info;");
            w.Line();
            w.Line($"private {name}(string id, {Info}? info)");
            w.Line("{");
            w.Line("    _id = id;");
            w.Line("    _info = info;");
            w.Line("}");
            w.Line();
            foreach (var model in models)
            {
                var retired = model.IsRetired ? $" {model.Lifecycle}{(model.LifecycleDate != null ? " since " + model.LifecycleDate : string.Empty)}." : string.Empty;
                w.Line($"/// <summary>{DocComments.Escape(model.DisplayName)} (<c>{model.Id}</c>).{retired}</summary>");
                w.Line($"public static {name} {model.CSharpName} => new {name}({Lit(model.Id)}, FoundryModels.{model.CSharpName});");
                w.Line();
            }

            w.Line($"/// <summary>Every catalogued model that works on this route.</summary>");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{name}> All {{ get; }} = new {name}[] {{ {string.Join(", ", models.Select(m => m.CSharpName))} }};");
            w.Line();
            w.Line("public string Route => RouteId;");
            w.Line();
            w.Line("/// <summary>The friendly id, or the RID given to <see cref=\"FromUncataloguedRid\"/>.</summary>");
            w.Line("public string Id => _id ?? string.Empty;");
            w.Line();
            w.Line("/// <summary>The Model Catalog RID.</summary>");
            w.Line("public string Rid => _info?.Rid ?? this.Id;");
            w.Line();
            w.Line($"public {Info}? Info => _info;");
            w.Line();
            w.Line($"public string GetWireId({Public}.ModelIdWireFormat format)");
            w.Line($"    => _info is null ? this.Id : format == {Public}.ModelIdWireFormat.FriendlyId ? _info.Id : _info.Rid;");
            w.Line();
            w.Line("/// <summary>A catalogued model by friendly id or RID; throws with suggestions when it is unknown or does not work on this route.</summary>");
            using (w.Block($"public static {name} Parse([{Public}.FoundryModelId(RouteId)] string id)"))
            {
                w.Line("if (TryParse(id, out var model))");
                w.Line("{");
                w.Line("    return model;");
                w.Line("}");
                w.Line();
                w.Line($"throw new global::System.ArgumentException({Runtime}.FoundryModelLookup.DescribeMismatch(FoundryModels.All, id, RouteId), nameof(id));");
            }

            w.Line();
            using (w.Block($"public static bool TryParse(string? id, out {name} model)"))
            {
                w.Line("if (FoundryModels.TryFind(id, out var info) && info.SupportsRoute(RouteId))");
                w.Line("{");
                w.Line($"    model = new {name}(info.Id, info);");
                w.Line("    return true;");
                w.Line("}");
                w.Line();
                w.Line("model = default;");
                w.Line("return false;");
            }

            w.Line();
            w.Line("/// <summary>The escape hatch: a well-formed RID the catalog does not know (e.g. a registered BYOM model).</summary>");
            using (w.Block($"public static {name} FromUncataloguedRid([{Public}.FoundryModelId(RouteId, AllowUncatalogued = true)] string rid)"))
            {
                w.Line($"if (!{Runtime}.FoundryModelLookup.IsWellFormedRid(rid))");
                w.Line("{");
                w.Line("    throw new global::System.ArgumentException($\"'{rid}' is not a well-formed language model RID (ri.language-model-service..language-model.<name>).\", nameof(rid));");
                w.Line("}");
                w.Line();
                w.Line("if (FoundryModels.TryFind(rid, out var info))");
                w.Line("{");
                w.Line($"    return info.SupportsRoute(RouteId) ? new {name}(info.Id, info) : throw new global::System.ArgumentException({Runtime}.FoundryModelLookup.DescribeMismatch(FoundryModels.All, rid, RouteId), nameof(rid));");
                w.Line("}");
                w.Line();
                w.Line($"return new {name}(rid, null);");
            }

            w.Line();
            w.Line("/// <summary>A model from a catalog other than the one compiled in (the <c>AppModels</c> generated for your own catalog); it must list this route.</summary>");
            using (w.Block($"public static {name} FromCatalogEntry({Info} info)"))
            {
                w.Line("global::System.ArgumentNullException.ThrowIfNull(info);");
                w.Line("if (!info.SupportsRoute(RouteId))");
                w.Line("{");
                w.Line("    throw new global::System.ArgumentException($\"Model '{info.Id}' does not work on route '{RouteId}'; it works on: {string.Join(\", \", info.Routes)}.\", nameof(info));");
                w.Line("}");
                w.Line();
                w.Line($"return new {name}(info.Id, info);");
            }

            w.Line();
            w.Line($"public bool Equals({name} other) => string.Equals(this.Rid, other.Rid, global::System.StringComparison.Ordinal);");
            w.Line($"public override bool Equals(object? obj) => obj is {name} other && this.Equals(other);");
            w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(this.Rid);");
            w.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
            w.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
            w.Line("public override string ToString() => this.Id;");
            w.Line();
            w.Line("public void WriteJson(global::System.Text.Json.Utf8JsonWriter writer, global::Foundry.Generated.Runtime.FoundryWireOptions options)");
            w.Line("    => writer.WriteStringValue(this.GetWireId(options.ModelIds));");
            w.Line();
            w.Line("/// <summary>Reads any string: a catalogued id or RID keeps its catalog entry, anything else is kept as given.</summary>");
            w.Line($"public static {name} ReadJson(ref global::System.Text.Json.Utf8JsonReader reader) => ReadJson(ref reader, null);");
            w.Line();
            w.Line("/// <summary>As <see cref=\"ReadJson(ref global::System.Text.Json.Utf8JsonReader)\"/>; the model string repeats on every event, so it comes from <paramref name=\"strings\"/>.</summary>");
            using (w.Block($"public static {name} ReadJson(ref global::System.Text.Json.Utf8JsonReader reader, global::Foundry.Generated.Runtime.FoundryStringCache? strings)"))
            {
                w.Line($"var text = {JsonCode.Helpers}.RepeatedString(ref reader, strings) ?? string.Empty;");
                w.Line($"return FoundryModels.TryFind(text, out var info) ? new {name}(info.Id, info) : new {name}(text, null);");
            }
        }

        w.Unindent();
        w.Line("}");
        return w.ToString();
    }

    /// <summary><c>public static FoundryModelInfo Name { get; } = new FoundryModelInfo { ... };</c></summary>
    private static void WriteInfo(SourceWriter w, CatalogModel model)
    {
        w.Line($"public static {Info} {model.CSharpName} {{ get; }} = new {Info}");
        w.Line("{");
        w.Indent();
        w.Line($"Id = {Lit(model.Id)},");
        w.Line($"Rid = {Lit(model.Rid)},");
        w.Line($"DisplayName = {Lit(model.DisplayName)},");
        w.Line($"Provider = {Lit(model.Provider)},");
        w.Line($"Aliases = new string[] {{ {string.Join(", ", model.Aliases.Select(Lit))} }},");
        w.Line($"Routes = new string[] {{ {string.Join(", ", model.Routes.Select(r => Lit(r.Route)))} }},");
        w.Line($"PreferredRoute = {Lit(model.PreferredRoute)},");
        w.Line($"Lifecycle = {Public}.FoundryModelLifecycle.{Lifecycle(model.Lifecycle)},");
        w.Line($"LifecycleDate = {(model.LifecycleDate == null ? "null" : Lit(model.LifecycleDate))},");
        var c = model.Capabilities;
        w.Line($"Capabilities = new {Public}.FoundryModelCapabilities {{ Reasoning = {Bool(c.Reasoning)}, Temperature = {Bool(c.Temperature)}, Tools = {Bool(c.Tools)}, Vision = {Bool(c.Vision)}, StructuredOutput = {Bool(c.StructuredOutput)}, MaxTokensParameter = {(c.MaxTokensParameter == null ? "null" : Lit(c.MaxTokensParameter))}, EmbeddingDimensions = {(c.EmbeddingDimensions?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null")} }},");
        w.Unindent();
        w.Line("};");
    }

    private static string Lit(string text) => CSharpIdentifiers.StringLiteral(text);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Lifecycle(string value) => value switch
    {
        "experimental" => "Experimental",
        "deprecated" => "Deprecated",
        "sunset" => "Sunset",
        _ => "Ga",
    };

}
