using System;
using System.Collections.Generic;

namespace Foundry.Generated.Testing;

/// <summary>One HTTP request as the engine sees it, whatever front end received it (in memory or Kestrel). Headers
/// are case-insensitive; a header sent more than once is joined with ", ".</summary>
internal sealed record FakeRequest(string Method, string Path, string QueryString, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
