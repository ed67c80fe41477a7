using System;

namespace Foundry.Generated.Spec.Sync;

/// <summary>The upstream specs cannot produce the proxy spec; the message says which file and what is missing.</summary>
public sealed class SpecSyncException : Exception
{
    public SpecSyncException(string message)
        : base(message)
    {
    }
}
