using System.Runtime.CompilerServices;

// Start-up validation in Foundry.Generated.Hosting applies the runtime's own rules (e.g. PlainHttp).
[assembly: InternalsVisibleTo("Foundry.Generated.Hosting.Core")]

// The probe of foundry-llm records the bytes it reads through the runtime's one read-only stream base.
[assembly: InternalsVisibleTo("foundry-llm")] // Foundry.Generated.Cli, whose assembly carries the tool's name

// Tests that drive the stream readers' shortcuts directly, to show recorded streams take them (no public effect shows it).
[assembly: InternalsVisibleTo("Foundry.Generated.Consumer.Tests")]
