using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Reading;
using Foundry.Generated.Spec.Sync;

namespace Foundry.Generated.SpecSync;

/// <summary>
/// Loads an upstream spec: JSON or YAML (optionally gzipped, <c>*.json.gz</c>), OpenAPI 3.0, 3.1 or 3.2, parsed
/// straight to a JSON tree with every node's line and column, so errors point into the file that was given.
/// Microsoft.OpenApi then reads that tree only to report problems (as warnings); it never rewrites the input.
/// </summary>
internal static class UpstreamLoader
{
    public static UpstreamSpec Load(string provider, string path, TextWriter log, bool validate = true)
    {
        if (!File.Exists(path))
        {
            throw new SpecSyncException($"{path}: file not found");
        }

        var bytes = File.ReadAllBytes(path);
        var name = path;
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            bytes = output.ToArray();
            name = path.Substring(0, path.Length - 3);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new SpecSyncException($"{path}: not UTF-8 text");
        }

        return Read(provider, path, text, IsYamlName(name), log, validate);
    }

    /// <summary>
    /// Parses <paramref name="text"/>: a document starting with '{' or '[' is read as JSON (a *.yaml file holding
    /// JSON, as some mirrors publish, included), anything else as YAML. A *.yaml file that starts with '{' but is
    /// not strict JSON is read as YAML (flow style).
    /// </summary>
    internal static UpstreamSpec Read(string provider, string sourceName, string text, bool yamlName, TextWriter log, bool validate = true)
    {
        var map = new SourceMap();
        JsonNode? root;
        string format;
        var first = text.TrimStart();
        if (first.StartsWith("{", StringComparison.Ordinal) || first.StartsWith("[", StringComparison.Ordinal))
        {
            try
            {
                root = JsonSourceReader.Parse(sourceName, text, map);
                format = "JSON";
            }
            catch (SpecSyncException) when (yamlName)
            {
                map = new SourceMap();
                root = YamlSourceReader.Parse(sourceName, text, map);
                format = "YAML";
            }
        }
        else
        {
            root = YamlSourceReader.Parse(sourceName, text, map);
            format = "YAML";
        }

        var spec = UpstreamSpec.FromTree(provider, sourceName, root, map);
        var version = spec.Document["openapi"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "?";
        var warnings = validate ? OpenApiValidation.Report(spec, log) : 0;
        log.WriteLine($"{sourceName}: {format}, OpenAPI {version}, {spec.Document["paths"]!.AsObject().Count} paths, {spec.Schemas.Count} schemas{(validate ? $", {warnings} validator warnings" : string.Empty)}");
        return spec;
    }

    private static bool IsYamlName(string name)
        => name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
