using System.Diagnostics.CodeAnalysis;

namespace Foundry.Generated.Runtime;

/// <summary>
/// The one redaction point: every string a server sent (headers, error bodies, event types and codes) passes through
/// <see cref="Scrub(string)"/> before it reaches an exception, a log line or a span. Exceptions take it as a
/// constructor argument and scrub each server string themselves, so a new property cannot bypass it.
/// </summary>
/// <remarks>Holds the configured token and the tokens a call sent (they differ with a token provider, and a rejected
/// token is replaced once).</remarks>
internal readonly struct TokenScrubber(string? configured, string? sent, string? sentBefore)
{
    /// <summary>Hides nothing: for values that never came from a server.</summary>
    public static TokenScrubber None => default;

    public string Scrub(string text) => SecretRedactor.Redact(SecretRedactor.Redact(SecretRedactor.Redact(text, configured), sent), sentBefore);

    [return: NotNullIfNotNull(nameof(text))]
    public string? ScrubOrNull(string? text) => text is null ? null : Scrub(text);

    /// <summary>Like <see cref="Scrub"/>, and also masks a token cut off by the end of a preview.</summary>
    public string ScrubPreview(string text) => SecretRedactor.RedactPreview(SecretRedactor.RedactPreview(SecretRedactor.RedactPreview(text, configured), sent), sentBefore);
}
