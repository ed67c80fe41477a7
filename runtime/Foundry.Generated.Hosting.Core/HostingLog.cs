using Microsoft.Extensions.Logging;

namespace Foundry.Generated.Hosting;

/// <summary>Log messages (source-generated); settings only, never tokens or secrets.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(100, LogLevel.Information, "Foundry LLM pipeline for {Host}: auth {AuthKind}, {MaxRetries} retries")]
    public static partial void PipelineCreated(ILogger logger, string host, string authKind, int maxRetries);
}
