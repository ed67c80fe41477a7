using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Foundry.Generated.Spec.Sync;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace Foundry.Generated.SpecSync;

/// <summary>
/// Loads an upstream spec. Microsoft.OpenApi reads every file first (JSON or YAML, 3.0 or 3.1) so a file that is
/// not OpenAPI fails with the reader's own diagnostics; YAML documents are converted to 3.1 JSON by it.
/// </summary>
internal static class UpstreamLoader
{
    public static async Task<UpstreamSpec> LoadAsync(string provider, string path, TextWriter log)
    {
        if (!File.Exists(path))
        {
            throw new SpecSyncException($"{path}: file not found");
        }

        var text = await File.ReadAllTextAsync(path);
        var isYaml = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var result = OpenApiDocument.Parse(text, isYaml ? OpenApiConstants.Yaml : OpenApiConstants.Json, settings);
        if (result.Document is null)
        {
            var first = result.Diagnostic?.Errors.FirstOrDefault();
            throw new SpecSyncException($"{path}: not a readable OpenAPI document ({first?.Message ?? "unknown error"} at {first?.Pointer})");
        }

        var errors = result.Diagnostic?.Errors.Count ?? 0;
        log.WriteLine($"{Path.GetFileName(path)}: OpenAPI {result.Diagnostic?.SpecificationVersion}, {result.Document.Paths?.Count ?? 0} paths, {result.Document.Components?.Schemas?.Count ?? 0} schemas, {errors} reader diagnostics");

        if (!isYaml)
        {
            return UpstreamSpec.Parse(provider, Path.GetFileName(path), text);
        }

        // YAML: let Microsoft.OpenApi write it as 3.1 JSON, then normalise like any other input.
        using var writer = new StringWriter();
        result.Document.SerializeAsV31(new OpenApiJsonWriter(writer));
        return UpstreamSpec.Parse(provider, Path.GetFileName(path), writer.ToString());
    }
}
