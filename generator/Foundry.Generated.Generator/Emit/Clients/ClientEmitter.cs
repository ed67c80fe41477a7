using System.Linq;
using Foundry.Generated.Generator.Operations;
using RouteNames = Foundry.Generated.Generator.Model.RouteNames;
using Foundry.Generated.Generator.Naming;

namespace Foundry.Generated.Generator.Emit.Clients;

/// <summary>Typed clients: one per route, plus <c>FoundryLlmClient</c> holding them all.</summary>
internal static class ClientEmitter
{
    private const string Pipeline = "global::Foundry.Generated.Runtime.FoundryPipeline";
    private const string Token = "global::System.Threading.CancellationToken";

    public static string HintName(ClientModel client) => "Foundry.Generated.Clients." + client.Name + ".g.cs";

    public static string Emit(ClientModel client, string root, string visibility)
    {
        var w = new SourceWriter().FileHeader();
        w.Line("namespace " + root);
        w.Line("{");
        w.Indent();
        w.Line($"/// <summary>Client for the <c>{client.Route}</c> proxy route.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Foundry.Generated\", \"1.0.0\")]");
        using (w.Block($"{visibility} sealed partial class {client.Name}"))
        {
            w.Line($"/// <summary>The route id (see <c>FoundryRoutes</c>).</summary>");
            w.Line($"public const string Route = {CSharpIdentifiers.StringLiteral(client.Route)};");
            w.Line();
            w.Line($"private readonly {Pipeline} _pipeline;");
            w.Line();
            w.Line($"public {client.Name}({Pipeline} pipeline) => _pipeline = pipeline ?? throw new global::System.ArgumentNullException(nameof(pipeline));");
            foreach (var op in client.Operations)
            {
                w.Line();
                EmitMethod(w, op, root, Kind.Whole);
                var structured = HasStructuredOutput(op.Route);
                if (op.Method != "Stream")
                {
                    w.Line();
                    EmitMethod(w, op, root, Kind.WithResponse);
                    if (structured)
                    {
                        w.Line();
                        EmitMethod(w, op, root, Kind.Structured);
                    }
                }
                else
                {
                    w.Line();
                    EmitMethod(w, op, root, Kind.Text);
                    if (op.AccumulatedType != null)
                    {
                        w.Line();
                        EmitMethod(w, op, root, Kind.Accumulating);
                        if (structured)
                        {
                            w.Line();
                            EmitMethod(w, op, root, Kind.StructuredStream);
                        }
                    }
                }
            }
        }

        w.Unindent();
        w.Line("}");
        return w.ToString();
    }

    private enum Kind
    {
        /// <summary>CreateAsync's response, or StreamAsync's typed events.</summary>
        Whole,
        /// <summary>StreamTextAsync: the answer text only, no event objects built.</summary>
        Text,
        /// <summary>StreamAsync with an accumulator that builds the route's response from the same events.</summary>
        Accumulating,
        /// <summary>CreateWithResponseAsync: the response with its head (status, headers, request id) and body bytes.</summary>
        WithResponse,
        /// <summary>CreateAsync&lt;T&gt;: structured output, the answer parsed as the caller's type.</summary>
        Structured,
        /// <summary>StreamAsync&lt;T&gt;: structured output over a stream, parsed by the accumulator at the end.</summary>
        StructuredStream,
    }

    /// <summary>Routes whose dialect has a structured-output format (every chat route; not embeddings). The format field
    /// and the answer's text are the runtime's, by dialect.</summary>
    private static bool HasStructuredOutput(string route)
        => Foundry.Generated.Catalog.Routes.ProxyRoutes.Find(route)?.Dialect is { } dialect && dialect != Foundry.Generated.Catalog.Routes.RouteStreamDialect.None;

    // A streaming operation gets three methods with the same request handling: the typed events (StreamAsync), the
    // answer text only (StreamTextAsync) and the typed events with an accumulator (StreamAsync(request, accumulator)).
    private static void EmitMethod(SourceWriter w, OperationModel op, string root, Kind kind)
    {
        var isStream = op.Method == "Stream";
        var textOnly = kind == Kind.Text;
        var returnType = textOnly
            ? "global::System.Collections.Generic.IAsyncEnumerable<string>"
            : kind == Kind.Structured
                ? $"global::System.Threading.Tasks.Task<global::Foundry.Generated.FoundryStructuredResponse<T, {op.ResultType}>>"
            : isStream
                ? $"global::System.Collections.Generic.IAsyncEnumerable<{op.ResultType}>"
                : kind == Kind.WithResponse
                    ? $"global::System.Threading.Tasks.Task<global::Foundry.Generated.FoundryResponse<{op.ResultType}>>"
                    : $"global::System.Threading.Tasks.Task<{op.ResultType}>";
        var modelType = "global::" + root + "." + RouteNames.ModelTypeName(op.Route);
        var modelParameter = op.ModelInPath ? $"{modelType} model, " : string.Empty;
        var accumulator = kind switch
        {
            Kind.Accumulating => $"{Accumulator}<{op.AccumulatedType}> accumulator, ",
            Kind.Structured => $"{TypeInfo}<T> typeInfo, ",
            Kind.StructuredStream => $"{StructuredAccumulator}<T, {op.AccumulatedType}> accumulator, ",
            _ => string.Empty,
        };
        var parameters = modelParameter + $"{op.RequestType} request, {accumulator}{RequestOptions}? options, {Token} cancellationToken = default";
        var name = (textOnly ? "StreamText" : op.Method) + (kind == Kind.WithResponse ? "WithResponseAsync" : "Async") + (kind is Kind.Structured or Kind.StructuredStream ? "<T>" : string.Empty);
        EmitShortOverload(w, op, returnType, name, modelParameter, kind, isStream);
        w.Line(Summary(kind, isStream));
        if (kind is Kind.Structured or Kind.StructuredStream)
        {
            w.Line("/// <typeparam name=\"T\">The caller's type the answer is parsed as.</typeparam>");
        }

        DocComments.Element(w, "remarks", DocComments.Lines(op.Description));
        if (op.ModelInPath && DocComments.Lines(op.ModelDescription) is { Count: > 0 } modelDocs)
        {
            // One <param> asks for all (CS1573).
            DocComments.Element(w, "param name=\"model\"", modelDocs);
            w.Line("/// <param name=\"request\">The request body.</param>");
            if (kind == Kind.Accumulating)
            {
                w.Line(AccumulatorParam);
            }
            else if (kind == Kind.Structured)
            {
                w.Line(TypeInfoParam);
            }
            else if (kind == Kind.StructuredStream)
            {
                w.Line(StructuredAccumulatorParam);
            }

            w.Line("/// <param name=\"options\">Settings for this call only (attribution, timeouts, retries, headers) over the client's.</param>");
            w.Line("/// <param name=\"cancellationToken\">Cancels the request (and the stream).</param>");
        }

        if (op.Deprecated)
        {
            w.Line(Types.TypeEmitter.Obsolete);
        }
        using (w.Block($"public {returnType} {name}({parameters})"))
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(request);");
            var body = "request";
            var assignments = new System.Collections.Generic.List<string>();
            if (op.StreamProperty != null)
            {
                assignments.Add($"{op.StreamProperty} = {(isStream ? "true" : op.StreamPropertyNullable ? "null" : "false")}");
            }

            if (isStream && op.StreamOptionsProperty != null)
            {
                assignments.Add($"{op.StreamOptionsProperty} = request.{op.StreamOptionsProperty} ?? new {op.StreamOptionsType} {{ {op.IncludeUsageProperty} = true }}");
            }

            if (assignments.Count > 0)
            {
                w.Line($"var body = request with {{ {string.Join(", ", assignments)} }};");
                body = "body";
            }

            string path;
            string model;
            if (op.ModelInPath)
            {
                var (before, after) = Split(op.PathTemplate);
                path = $"{CSharpIdentifiers.StringLiteral(before)} + global::System.Uri.EscapeDataString(model.GetWireId(_pipeline.Options.ModelIdWireFormat)) + {CSharpIdentifiers.StringLiteral(after)}";
                model = "model";
            }
            else
            {
                path = CSharpIdentifiers.StringLiteral(op.PathTemplate);
                model = "request." + op.ModelProperty;
                if (op.ModelPropertyNullable)
                {
                    model += " ?? throw new global::System.ArgumentException(\"The request has no model.\", nameof(request))";
                }
            }

            w.Line($"var operation = new global::Foundry.Generated.Runtime.FoundryOperation(Route, {path}, {model});");
            w.Line(kind switch
            {
                Kind.Text => $"return _pipeline.StreamTextAsync<{op.RequestType}>(operation, {body}, options, cancellationToken);",
                Kind.Accumulating => $"return _pipeline.StreamAsync<{op.RequestType}, {op.ResultType}, {op.AccumulatedType}>(operation, {body}, accumulator, options, cancellationToken);",
                Kind.Structured => $"return _pipeline.SendStructuredAsync<{op.RequestType}, {op.ResultType}, T>(operation, {body}, typeInfo, options, cancellationToken);",
                Kind.StructuredStream => $"return _pipeline.StreamStructuredAsync<{op.RequestType}, {op.ResultType}, {op.AccumulatedType}, T>(operation, {body}, accumulator, options, cancellationToken);",
                Kind.WithResponse => $"return _pipeline.SendWithResponseAsync<{op.RequestType}, {op.ResultType}>(operation, {body}, options, cancellationToken);",
                _ when isStream => $"return _pipeline.StreamAsync<{op.RequestType}, {op.ResultType}>(operation, {body}, options, cancellationToken);",
                _ => $"return _pipeline.SendAsync<{op.RequestType}, {op.ResultType}>(operation, {body}, options, cancellationToken);",
            });
        }
    }

    private const string RequestOptions = "global::Foundry.Generated.FoundryRequestOptions";

    private const string Accumulator = "global::Foundry.Generated.FoundryStreamAccumulator";

    private const string TypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";

    private const string StructuredAccumulator = "global::Foundry.Generated.FoundryStructuredAccumulator";

    private const string TypeInfoParam = "/// <param name=\"typeInfo\">The answer's type, source-generated (e.g. <c>MyJsonContext.Default.Weather</c>): its schema, transformed to the provider's rules, is sent as the route's format, and it parses the answer.</param>";

    private const string StructuredAccumulatorParam = "/// <param name=\"accumulator\">Sets the format from its type and builds the whole answer from the events as they pass; <c>ToResult()</c> parses it once the stream ends. One per stream.</param>";

    private const string AccumulatorParam = "/// <param name=\"accumulator\">Builds the whole response from the events as they pass (<c>ToResponse()</c> once the stream ends, or after it failed); one per stream.</param>";

    private static string Summary(Kind kind, bool isStream) => kind switch
    {
        Kind.Text => "/// <summary>Sends the request with streaming on and yields only the answer text as it arrives (no reasoning, tool calls or refusals; the first choice); errors, usage and telemetry as <c>StreamAsync</c>.</summary>",
        Kind.Accumulating => "/// <summary>Sends the request with streaming on and yields each server-sent event as it arrives, while <paramref name=\"accumulator\"/> builds the whole response from the same events.</summary>",
        Kind.WithResponse => "/// <summary>Sends the request and returns the whole response with its status, headers, request id and body bytes.</summary>",
        Kind.Structured => "/// <summary>Sends the request with the route's structured-output format set to <typeparamref name=\"T\"/>'s JSON schema and returns the answer parsed as <typeparamref name=\"T\"/> with the response. A schema the provider refuses is an <see cref=\"global::System.ArgumentException\"/> naming the member, before any request; a refusal, a cut-off answer or text that does not parse is a <see cref=\"global::Foundry.Generated.FoundryStructuredOutputException\"/> keeping the text.</summary>",
        Kind.StructuredStream => "/// <summary>Sends the request with streaming on and the route's structured-output format set to <typeparamref name=\"T\"/>'s JSON schema, and yields each event as it arrives (the JSON text in pieces) while <paramref name=\"accumulator\"/> builds the whole answer; its <c>ToResult()</c> parses it after the stream.</summary>",
        _ when isStream => "/// <summary>Sends the request with streaming on and yields each server-sent event as it arrives.</summary>",
        _ => "/// <summary>Sends the request and returns the whole response.</summary>",
    };

    // The overload without per-call options: the client's settings as they are. The options are passed by name: with
    // an accumulator overload beside it, a bare null would fit both.
    private static void EmitShortOverload(SourceWriter w, OperationModel op, string returnType, string name, string modelParameter, Kind kind, bool isStream)
    {
        w.Line(Summary(kind, isStream));
        if (kind is Kind.Structured or Kind.StructuredStream)
        {
            w.Line("/// <typeparam name=\"T\">The caller's type the answer is parsed as.</typeparam>");
        }

        if (op.Deprecated)
        {
            w.Line(Types.TypeEmitter.Obsolete);
        }

        var model = modelParameter.Length > 0 ? "model, " : string.Empty;
        var (accumulatorParameter, accumulator) = kind switch
        {
            Kind.Accumulating => ($"{Accumulator}<{op.AccumulatedType}> accumulator, ", "accumulator, "),
            Kind.Structured => ($"{TypeInfo}<T> typeInfo, ", "typeInfo, "),
            Kind.StructuredStream => ($"{StructuredAccumulator}<T, {op.AccumulatedType}> accumulator, ", "accumulator, "),
            _ => (string.Empty, string.Empty),
        };
        var options = kind == Kind.Whole && isStream && op.AccumulatedType != null ? "options: null" : "null";
        w.Line($"public {returnType} {name}({modelParameter}{op.RequestType} request, {accumulatorParameter}{Token} cancellationToken = default) => {name}({model}request, {accumulator}{options}, cancellationToken);");
        w.Line();
    }

    private static (string Before, string After) Split(string template)
    {
        var i = template.IndexOf("{model}", System.StringComparison.Ordinal);
        return (template.Substring(0, i), template.Substring(i + "{model}".Length));
    }

    public const string RootHintName = "Foundry.Generated.Clients.FoundryLlmClient.g.cs";

    /// <summary>The entry point: owns (or borrows) a pipeline and exposes one client per route.</summary>
    public static string EmitRoot(ClientsModel model, string visibility)
    {
        var w = new SourceWriter().FileHeader();
        w.Line("namespace " + model.RootNamespace);
        w.Line("{");
        w.Indent();
        w.Line("/// <summary>All Foundry LLM proxy clients over one pipeline (HTTP client, auth, retries, telemetry).</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Foundry.Generated\", \"1.0.0\")]");
        using (w.Block($"{visibility} sealed partial class FoundryLlmClient : global::System.IDisposable"))
        {
            w.Line("private readonly bool _ownsPipeline;");
            w.Line();
            w.Line("/// <summary>Creates a client that owns its pipeline (settings default to FOUNDRY_URL / FOUNDRY_TOKEN).</summary>");
            w.Line("public FoundryLlmClient(global::Foundry.Generated.FoundryClientOptions? options = null, global::System.Net.Http.HttpClient? httpClient = null)");
            w.Line($"    : this(new {Pipeline}(options ?? new global::Foundry.Generated.FoundryClientOptions(), httpClient), ownsPipeline: true)");
            w.Line("{");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>Creates a client over a pipeline the caller owns (e.g. from dependency injection).</summary>");
            w.Line($"public FoundryLlmClient({Pipeline} pipeline)");
            w.Line("    : this(pipeline, ownsPipeline: false)");
            w.Line("{");
            w.Line("}");
            w.Line();
            using (w.Block($"private FoundryLlmClient({Pipeline} pipeline, bool ownsPipeline)"))
            {
                w.Line("this.Pipeline = pipeline ?? throw new global::System.ArgumentNullException(nameof(pipeline));");
                w.Line("_ownsPipeline = ownsPipeline;");
                foreach (var client in model.Clients)
                {
                    w.Line($"this.{client.PropertyName} = new {client.Name}(pipeline);");
                }
            }

            w.Line();
            w.Line($"public {Pipeline} Pipeline {{ get; }}");
            foreach (var client in model.Clients)
            {
                w.Line();
                w.Line($"/// <summary>The <c>{client.Route}</c> route.</summary>");
                w.Line($"public {client.Name} {client.PropertyName} {{ get; }}");
            }

            w.Line();
            using (w.Block("public void Dispose()"))
            {
                using (w.Block("if (_ownsPipeline)"))
                {
                    w.Line("this.Pipeline.Dispose();");
                }
            }
        }

        w.Unindent();
        w.Line("}");
        return w.ToString();
    }
}
