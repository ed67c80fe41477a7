using System.CommandLine;
using System.CommandLine.Invocation;
using Foundry.Generated.SpecSync;

// Regenerates spec/foundry-llm-proxy.openapi.json from the providers' upstream OpenAPI files.
// Usage: dotnet run --project tools/Foundry.Generated.SpecSync -- [--openai F] [--anthropic F] [--google F] [--out F] [--check] [--allow-broken-refs]
var parsed = SyncCommandLine.AddTo(new RootCommand(SyncCommandLine.Description)).Parse(args);
var exit = await parsed.InvokeAsync();

// A wrong command line is 2, as for bad input: 1 means "out of date" under --check.
return parsed.Action is ParseErrorAction ? 2 : exit;
