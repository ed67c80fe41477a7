using System;
using System.Threading.Tasks;
using Foundry.Generated.Emulator;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.EndToEnd;

/// <summary>One emulator on 127.0.0.1 for a test class.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public FoundryProxyEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await FoundryProxyEmulator.StartAsync();

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    public FoundryClientOptions Options(Action<FoundryClientOptions>? configure = null)
    {
        var options = new FoundryClientOptions { BaseUrl = Emulator.BaseUrl, Token = Emulator.Token, RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        configure?.Invoke(options);
        return options;
    }
}
