using System;

namespace Foundry.Generated.Testing;

/// <summary>A test's expectation of the fake Foundry did not hold (e.g. a scripted reply was never requested).</summary>
public sealed class FakeFoundryException : Exception
{
    public FakeFoundryException(string message)
        : base(message)
    {
    }
}
