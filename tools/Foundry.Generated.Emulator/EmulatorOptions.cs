using Foundry.Generated.Testing;

namespace Foundry.Generated.Emulator;

/// <summary>How the emulator starts: the fake's options (<see cref="FakeFoundryOptions"/>) and the port.</summary>
public sealed class EmulatorOptions : FakeFoundryOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }
}
