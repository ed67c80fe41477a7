namespace Foundry.Generated.Emulator;

/// <summary>How the emulator starts.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The bearer token accepted; random when null.</summary>
    public string? Token { get; set; }

    /// <summary>Delay between streamed events (keeps a stream observable); zero by default.</summary>
    public System.TimeSpan EventDelay { get; set; }
}
