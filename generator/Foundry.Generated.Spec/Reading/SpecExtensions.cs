using System.Collections.Generic;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Foundry.Generated.Spec.Reading;

/// <summary>Reads Foundry's <c>x-foundry-*</c> extensions from Microsoft.OpenApi 3.x objects (values are <see cref="JsonNodeExtension"/>).</summary>
public static class SpecExtensions
{
    public const string Route = "x-foundry-route";
    public const string Client = "x-foundry-client";
    public const string Method = "x-foundry-method";
    public const string ModelRoute = "x-foundry-model-route";

    /// <summary>The extension's JSON value, or null when absent.</summary>
    public static JsonNode? GetNode(IDictionary<string, IOpenApiExtension>? extensions, string name)
        => extensions != null && extensions.TryGetValue(name, out var value) && value is JsonNodeExtension node ? node.Node : null;

    /// <summary>The extension's string value, or null when absent or not a string.</summary>
    public static string? GetString(IDictionary<string, IOpenApiExtension>? extensions, string name)
        => GetNode(extensions, name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
