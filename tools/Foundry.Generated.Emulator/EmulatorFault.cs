using System.Collections.Generic;
using Foundry.Generated.Testing;

namespace Foundry.Generated.Emulator;

/// <summary>What to do to one request, chosen per request by the <c>x-foundry-emulator-fault</c> header or
/// <see cref="FoundryProxyEmulator.EnqueueFault"/>; the grammar is <see cref="FoundryFault"/>'s.</summary>
public sealed record EmulatorFault(string Kind, IReadOnlyDictionary<string, string> Settings)
{
    public const string Header = FoundryFault.Header;

    public static EmulatorFault Status(int code, int? retryAfterSeconds = null) => From(FoundryFault.Status(code, retryAfterSeconds));

    public static EmulatorFault Parse(string text) => From(FoundryFault.Parse(text));

    public int Int(string key, int fallback) => ToFault().Int(key, fallback);

    public FoundryFault ToFault() => new(Kind, Settings);

    public override string ToString() => ToFault().ToString();

    private static EmulatorFault From(FoundryFault fault) => new(fault.Kind, fault.Settings);
}
