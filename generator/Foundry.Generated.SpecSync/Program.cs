using System;
using Foundry.Generated.SpecSync;

// Regenerates spec/foundry-llm-proxy.openapi.json from the providers' upstream OpenAPI files.
// Usage: dotnet run --project generator/Foundry.Generated.SpecSync -- [--openai F] [--anthropic F] [--google F] [--out F] [--check]
return await SyncCommand.RunAsync(args, Console.Out, Console.Error);
