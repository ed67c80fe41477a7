using System;
using System.Collections.Generic;
using System.Net;

namespace Foundry.Generated.Runtime;

/// <summary>The proxy answered with a non-success status.</summary>
public sealed class FoundryApiException : FoundryException
{
    internal FoundryApiException(string message, string route, string? model, HttpStatusCode statusCode, FoundryErrorBody body, string? requestId, Exception? inner = null)
        : base(message, route, model, inner)
    {
        StatusCode = statusCode;
        ErrorCode = body.ErrorCode;
        ErrorName = body.ErrorName;
        ErrorInstanceId = body.ErrorInstanceId;
        Parameters = body.Parameters;
        ProviderErrorMessage = body.ProviderMessage;
        ProviderErrorType = body.ProviderType;
        ProviderErrorCode = body.ProviderCode;
        RequestId = requestId;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Foundry <c>errorCode</c>, e.g. <c>INVALID_ARGUMENT</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>Foundry <c>errorName</c>, e.g. <c>LanguageModelService:LanguageModelNotAvailable</c>.</summary>
    public string? ErrorName { get; }

    public string? ErrorInstanceId { get; }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The provider's own error, when the proxy wrapped one.</summary>
    public string? ProviderErrorMessage { get; }

    public string? ProviderErrorType { get; }

    public string? ProviderErrorCode { get; }

    /// <summary>Request id from the response headers, else the Foundry error instance id.</summary>
    public string? RequestId { get; }

    /// <summary>True for statuses worth retrying later (429, 502, 503, 504).</summary>
    public bool IsTransient => StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
