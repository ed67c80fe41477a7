using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>
/// A stream event whose choices (chat completions) or candidates (Gemini) end the stream once each has a finish
/// reason. Generated on those event types so the stream's terminal and error checks read the decoded event instead of
/// searching its bytes a second time.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IFoundryStreamChoices
{
    /// <summary>How many choices the event holds.</summary>
    int ChoiceCount { get; }

    /// <summary>The index the choice at <paramref name="position"/> carries (0 when it has none).</summary>
    long ChoiceIndex(int position);

    /// <summary>True when the choice at <paramref name="position"/> has a finish reason.</summary>
    bool ChoiceFinished(int position);

    /// <summary>Members the spec does not describe; a top-level <c>error</c> object there makes the event an error.</summary>
    IDictionary<string, JsonElement>? AdditionalProperties { get; }
}
