namespace Foundry.Generated.Runtime;

/// <summary>
/// One call of a proxy operation, as built by a generated client.
/// </summary>
/// <param name="Route">The route id (see <see cref="FoundryRoutes"/>).</param>
/// <param name="Path">Path below <c>/api/v2/llm/proxy/</c>, with any query, already escaped
/// (e.g. <c>openai/v1/responses</c>, <c>google/v1/models/ri...:streamGenerateContent?alt=sse</c>).</param>
/// <param name="Model">The model the request is for (used for error hints and telemetry).</param>
public readonly record struct FoundryOperation(string Route, string Path, IFoundryModelId Model);
