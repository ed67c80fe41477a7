using System.Runtime.CompilerServices;

// Start-up validation in Foundry.Generated.Hosting applies the runtime's own rules (e.g. PlainHttp).
[assembly: InternalsVisibleTo("Foundry.Generated.Hosting")]
