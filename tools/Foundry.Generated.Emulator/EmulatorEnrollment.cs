using Foundry.Generated.Testing;

namespace Foundry.Generated.Emulator;

/// <summary>An enrollment for the emulator (the name the probe's tests know); all of it is <see cref="FakeEnrollment"/>.</summary>
public sealed class EmulatorEnrollment : FakeEnrollment
{
}
