using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Spec.Foundry;

/// <summary>Schemas the proxy adds to the upstream shapes.</summary>
internal static class FoundrySchemas
{
    public const string Error = "Foundry.Error";

    /// <summary>The Conjure error envelope every proxy error response carries.</summary>
    public static JsonObject ErrorSchema() => new JsonObject
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["errorCode"] = new JsonObject { ["type"] = "string" },
            ["errorName"] = new JsonObject { ["type"] = "string" },
            ["errorInstanceId"] = new JsonObject { ["type"] = "string" },
            ["parameters"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject() },
        },
        ["required"] = new JsonArray("errorCode", "errorName", "errorInstanceId"),
    };

    /// <summary>Anthropic's <c>event: error</c> payload, which the upstream spec does not describe.</summary>
    public static void AddAnthropicErrorEvent(SortedDictionary<string, JsonObject> schemas)
    {
        schemas["Anthropic.ErrorEventError"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string" },
                ["message"] = new JsonObject { ["type"] = "string" },
            },
            ["required"] = new JsonArray("type", "message"),
        };
        schemas["Anthropic.ErrorEvent"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string", ["const"] = "error" },
                ["error"] = new JsonObject { ["$ref"] = "#/components/schemas/Anthropic.ErrorEventError" },
            },
            ["required"] = new JsonArray("type", "error"),
        };

        if (schemas.TryGetValue("Anthropic.MessageStreamEvent", out var union) && union["oneOf"] is JsonArray members && union["discriminator"]?["mapping"] is JsonObject mapping && !mapping.ContainsKey("error"))
        {
            members.Add(new JsonObject { ["$ref"] = "#/components/schemas/Anthropic.ErrorEvent" });
            mapping["error"] = "#/components/schemas/Anthropic.ErrorEvent";
        }
    }

    /// <summary>The request's <c>model</c> is the route's typed model id.</summary>
    public static JsonObject ModelProperty(string route) => new JsonObject
    {
        ["type"] = "string",
        ["x-foundry-model-route"] = route,
    };

    /// <summary>
    /// Binds a request schema's <c>model</c> to a route: an allOf schema gets a last part overriding <c>model</c>
    /// (later parts win); a plain object gets its property replaced, keeping its description. Either way
    /// <c>model</c> becomes required.
    /// </summary>
    public static void BindModel(JsonObject schema, string route)
    {
        if (schema["allOf"] is JsonArray parts)
        {
            parts.Add(new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["model"] = ModelProperty(route) },
                ["required"] = new JsonArray("model"),
            });
            return;
        }

        var properties = schema["properties"] as JsonObject ?? new JsonObject();
        var bound = ModelProperty(route);
        Normalizing.Annotations.Copy(properties["model"], bound);
        properties["model"] = bound;
        schema["properties"] = properties;
        var required = schema["required"] as JsonArray ?? new JsonArray();
        var has = false;
        foreach (var r in required)
        {
            has |= r!.GetValue<string>() == "model";
        }

        if (!has)
        {
            required.Add("model");
        }

        schema["required"] = required;
    }

    /// <summary>xAI reuses an OpenAI request shape with its own model route.</summary>
    public static JsonObject XaiRequest(string openAiSchema, string route) => new JsonObject
    {
        ["type"] = "object",
        ["allOf"] = new JsonArray(
            new JsonObject { ["$ref"] = "#/components/schemas/" + openAiSchema },
            new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { ["model"] = ModelProperty(route) },
                ["required"] = new JsonArray("model"),
            }),
    };
}
