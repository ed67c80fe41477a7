using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Accumulation;

/// <summary>
/// Every streaming client of the precompiled clients (OpenAI, xAI, Anthropic, Gemini) has StreamAsync overloads that
/// take an accumulator of the route's non-streaming response: the type its CreateAsync returns.
/// </summary>
public sealed class GeneratedOverloadTests
{
    [Fact]
    public void Every_streaming_client_takes_an_accumulator_of_its_create_result()
    {
        var clients = typeof(FoundryLlmClient).GetProperties().Select(p => p.PropertyType).Where(t => t.Name.EndsWith("Client", StringComparison.Ordinal)).ToList();
        var streaming = clients.Where(t => t.GetMethods().Any(m => m.Name == "StreamAsync")).ToList();

        Assert.Equal(6, streaming.Count);
        foreach (var client in streaming)
        {
            var created = client.GetMethods().First(m => m.Name == "CreateAsync").ReturnType.GetGenericArguments().Single();
            var accumulating = client.GetMethods().Where(m => m.Name == "StreamAsync" && m.GetParameters().Any(p => p.ParameterType == typeof(FoundryStreamAccumulator<>).MakeGenericType(created))).ToList();
            Assert.True(accumulating.Count == 2, $"{client.Name}: {accumulating.Count} StreamAsync overloads take FoundryStreamAccumulator<{created.Name}>");
            Assert.All(accumulating, m => Assert.Equal(typeof(CancellationToken), m.GetParameters()[^1].ParameterType));
            Assert.Contains(accumulating, m => m.GetParameters().Any(p => p.ParameterType == typeof(FoundryRequestOptions)));
        }
    }
}
