using System;
using Foundry.Generated.Catalog.Collections;

namespace Foundry.Generated.Generator.Operations;

/// <summary>One client method: a proxy operation bound to its request, response and event types.</summary>
internal sealed record OperationModel(
    string Method,
    string Route,
    string PathTemplate,
    string RequestType,
    string ResultType,
    bool ModelInPath,
    string? ModelProperty,
    string? StreamProperty,
    bool StreamPropertyNullable,
    string? StreamOptionsProperty,
    string? StreamOptionsType,
    string? IncludeUsageProperty) : IEquatable<OperationModel>
{
    /// <summary>The request's model property is optional (the method then throws when it is unset).</summary>
    public bool ModelPropertyNullable { get; init; }

    /// <summary>The upstream <c>summary</c> and <c>description</c> of the operation (Markdown).</summary>
    public string? Description { get; init; }

    /// <summary>The upstream <c>description</c> of the <c>{model}</c> path parameter.</summary>
    public string? ModelDescription { get; init; }

    /// <summary>Upstream says <c>deprecated: true</c>.</summary>
    public bool Deprecated { get; init; }

    /// <summary>
    /// For a <c>Stream</c> operation: the route's non-streaming response type (the same operation's JSON answer, or the
    /// client's <c>Create</c> result), which a stream accumulator builds; null when the route has none.
    /// </summary>
    public string? AccumulatedType { get; init; }
}

/// <summary>One client per route (e.g. <c>OpenAiResponsesClient</c>).</summary>
internal sealed record ClientModel(string Name, string PropertyName, string Route, EquatableArray<OperationModel> Operations) : IEquatable<ClientModel>;

internal sealed record ClientsModel(string RootNamespace, EquatableArray<ClientModel> Clients) : IEquatable<ClientsModel>;
