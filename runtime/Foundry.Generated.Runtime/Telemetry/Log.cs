using Microsoft.Extensions.Logging;

namespace Foundry.Generated.Runtime;

/// <summary>Log messages (source-generated); never prompt content or tokens.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Foundry {Route}: retry {Attempt} after {Reason}, waiting {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string route, int attempt, string reason, double delayMs);

    [LoggerMessage(2, LogLevel.Warning, "Foundry {Route}: request failed with {Status} {ErrorName}")]
    public static partial void RequestFailed(ILogger logger, string route, int status, string? errorName);

    [LoggerMessage(3, LogLevel.Warning, "Foundry {Route}: stream failed ({Failure}) after {Events} events")]
    public static partial void StreamFailed(ILogger logger, string route, FoundryStreamFailure failure, int events);

    [LoggerMessage(5, LogLevel.Warning, "Foundry {Route}: call failed ({Reason})")]
    public static partial void CallFailed(ILogger logger, string route, string reason);

    [LoggerMessage(4, LogLevel.Debug, "Foundry {Route}: stream completed with {Events} events")]
    public static partial void StreamCompleted(ILogger logger, string route, int events);
}
