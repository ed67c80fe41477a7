using System;
using System.Collections.Generic;
using System.Net;
using Foundry.Generated.Runtime;

namespace Foundry.Generated;

/// <summary>The proxy answered with a non-success status (after retries, where the status is retryable).</summary>
public sealed class FoundryApiException : FoundryException
{
    internal FoundryApiException(string message, string route, string? model, HttpStatusCode statusCode, FoundryErrorBody body, string? requestId, TimeSpan? retryAfter, in TokenScrubber scrub, Exception? inner = null)
        : base(message, route, model, inner, scrub)
    {
        body = body.Redacted(scrub);
        StatusCode = statusCode;
        ErrorCode = body.ErrorCode;
        ErrorName = body.ErrorName;
        ErrorInstanceId = body.ErrorInstanceId;
        Parameters = body.Parameters;
        ProviderErrorMessage = body.ProviderMessage;
        ProviderErrorType = body.ProviderType;
        ProviderErrorCode = body.ProviderCode;
        RequestId = scrub.ScrubOrNull(requestId);
        RetryAfter = retryAfter;
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

    /// <summary>
    /// How long the server asked the caller to wait (<c>Retry-After</c>, in seconds or as a date), when it said. A wait
    /// longer than <see cref="FoundryClientOptions.RetryMaxDelay"/> (or the rest of
    /// <see cref="FoundryClientOptions.RetryBudget"/>) is not slept: the call fails at once with this value, so a caller
    /// or a queue can reschedule the work.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True for statuses worth retrying later (429, 502, 503, 504).</summary>
    public bool IsTransient => StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
