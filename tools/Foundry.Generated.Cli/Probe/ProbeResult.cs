using System;

namespace Foundry.Generated.Cli.Probe;

/// <summary>How one probe ended.</summary>
internal enum ProbeOutcome
{
    /// <summary>The route answered and (streaming) the stream reached its terminal event.</summary>
    Ok,

    /// <summary>An HTTP error, an error event, or a stream that failed: the route does not work for the model here.</summary>
    Failed,

    /// <summary>No verdict: the network, authentication (401) or rate limits stood in the way; nothing is written.</summary>
    Inconclusive,

    /// <summary>Not sent: the request budget was spent, or Ctrl+C came first.</summary>
    NotRun,
}

/// <summary>What one model × route probe measured.</summary>
internal sealed record ProbeResult(
    string Model,
    string Route,
    ProbeOutcome Outcome,
    int? Status,
    string? ErrorName,
    string? ErrorCode,
    TimeSpan? FirstEvent,
    bool ReachedTerminal,
    string? RequestId,
    string? Message)
{
    /// <summary>A table cell: ✓, or ✗ with the status and the short Foundry error name.</summary>
    public string Cell => Outcome switch
    {
        ProbeOutcome.Ok => "✓",
        ProbeOutcome.Failed => ("✗ " + Status + " " + ShortErrorName).TrimEnd(),
        ProbeOutcome.Inconclusive => ("? " + Status + " " + ShortErrorName).TrimEnd(),
        _ => "-",
    };

    /// <summary><c>LanguageModelService:LanguageModelNotFound</c> → <c>LanguageModelNotFound</c>.</summary>
    public string? ShortErrorName => ErrorName?.Substring(ErrorName.LastIndexOf(':') + 1);
}
