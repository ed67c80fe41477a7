using System;
using System.Net.Http;

namespace Foundry.Generated.Runtime;

/// <summary>Where a response names its request: the headers Foundry and the providers behind it use.</summary>
internal static class RequestIds
{
    /// <summary>The first value of <c>x-request-id</c>, <c>request-id</c> or <c>x-foundry-request-id</c>, unscrubbed.</summary>
    public static string? Of(HttpResponseMessage response)
    {
        foreach (var name in (ReadOnlySpan<string>)["x-request-id", "request-id", "x-foundry-request-id"])
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    return value;
                }
            }
        }

        return null;
    }
}
