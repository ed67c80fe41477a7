using System.Text.Json.Nodes;
using Foundry.Generated.Spec.Sync;

namespace Foundry.Generated.Spec.Foundry;

/// <summary>The proxy's paths, parameters and security, bound to the normalised schemas.</summary>
internal static class FoundryPaths
{
    public static JsonObject Operation(ProxyOperation op, string requestSchema, string? jsonResponse, string? streamResponse)
    {
        var parameters = new JsonArray();
        if (op.Method != null)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = "model",
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string" },
                ["x-foundry-model-route"] = op.Route,
            });
        }

        if (op.Method == "Stream")
        {
            parameters.Add(new JsonObject
            {
                ["name"] = "alt",
                ["in"] = "query",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string", ["const"] = "sse" },
            });
        }

        foreach (var header in new[] { "attribution", "traceparent", "tracestate" })
        {
            parameters.Add(new JsonObject { ["$ref"] = "#/components/parameters/" + header });
        }

        var content = new JsonObject();
        if (jsonResponse != null)
        {
            content["application/json"] = SchemaRef(jsonResponse);
        }

        if (streamResponse != null)
        {
            content["text/event-stream"] = SchemaRef(streamResponse);
        }

        var operation = new JsonObject
        {
            ["operationId"] = op.OperationId,
            ["x-foundry-route"] = op.Route,
            ["x-foundry-client"] = op.Client,
        };
        if (op.Method != null)
        {
            operation["x-foundry-method"] = op.Method;
        }

        operation["parameters"] = parameters;
        operation["requestBody"] = new JsonObject
        {
            ["required"] = true,
            ["content"] = new JsonObject { ["application/json"] = SchemaRef(requestSchema) },
        };
        operation["responses"] = new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = "OK", ["content"] = content },
            ["default"] = new JsonObject
            {
                ["description"] = "Foundry error",
                ["content"] = new JsonObject { ["application/json"] = SchemaRef(FoundrySchemas.Error) },
            },
        };
        return new JsonObject { ["post"] = operation };
    }

    public static JsonObject HeaderParameters() => new JsonObject
    {
        ["attribution"] = Header("attribution"),
        ["traceparent"] = Header("traceparent"),
        ["tracestate"] = Header("tracestate"),
    };

    public static JsonObject SecuritySchemes() => new JsonObject
    {
        ["bearerAuth"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" },
    };

    private static JsonObject Header(string name) => new JsonObject
    {
        ["name"] = name,
        ["in"] = "header",
        ["required"] = false,
        ["schema"] = new JsonObject { ["type"] = "string" },
    };

    private static JsonObject SchemaRef(string qualified) => new JsonObject
    {
        ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/" + qualified },
    };
}
