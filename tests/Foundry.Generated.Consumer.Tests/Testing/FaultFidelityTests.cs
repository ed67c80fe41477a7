using System;
using System.Threading.Tasks;
using Foundry.Generated.Emulator;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Foundry.Generated.Testing;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Testing;

/// <summary>
/// A fault scripted on the in-memory fake gives the client the same exception (type, failure kind, status, Foundry
/// error name) as the same fault from the loopback emulator over a real socket: tests that use the fake see what
/// production code sees. The package's own loopback server (<see cref="FakeFoundry.StartLoopbackAsync"/>) fails the
/// client the same way again.
/// </summary>
public sealed class FaultFidelityTests
{
    [Theory]
    [InlineData("status:code=429;retry-after=0")]
    [InlineData("status:code=503")]
    [InlineData("midstream-error:after=3")]
    [InlineData("cut:after=4")]
    [InlineData("drop:after=3")]
    [InlineData("not-sse")]
    [InlineData("invalid-json:at=3")]
    public async Task A_fault_in_memory_fails_the_client_as_it_does_over_loopback(string fault)
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Emulated(FoundryFault.Parse(fault)));
        foundry.Enqueue(FoundryReply.Emulated(FoundryFault.Parse(fault))); // a retried status fault fails again
        await using var emulator = await FoundryProxyEmulator.StartAsync();
        using var inMemory = foundry.CreateClient(o => o.MaxRetries = 1);
        using var loopback = new FoundryLlmClient(new FoundryClientOptions { BaseUrl = emulator.BaseUrl, Token = emulator.Token, RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 1 });
        emulator.EnqueueFault(EmulatorFault.Parse(fault));
        emulator.EnqueueFault(EmulatorFault.Parse(fault));
        var served = new FakeFoundry();
        served.Enqueue(FoundryReply.Emulated(FoundryFault.Parse(fault)));
        served.Enqueue(FoundryReply.Emulated(FoundryFault.Parse(fault)));
        await using var server = await served.StartLoopbackAsync();
        using var packageLoopback = server.CreateClient(o => o.MaxRetries = 1);

        var fake = await FailureOf(inMemory);
        var real = await FailureOf(loopback);
        var package = await FailureOf(packageLoopback);

        AssertSameFailure(real, fake);
        AssertSameFailure(real, package);
    }

    private static void AssertSameFailure(Exception expected, Exception actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal((expected as FoundryStreamException)?.Failure, (actual as FoundryStreamException)?.Failure);
        Assert.Equal((expected as FoundryStreamException)?.EventsReceived, (actual as FoundryStreamException)?.EventsReceived);
        Assert.Equal((expected as FoundryApiException)?.StatusCode, (actual as FoundryApiException)?.StatusCode);
        Assert.Equal((expected as FoundryApiException)?.ErrorName, (actual as FoundryApiException)?.ErrorName);
    }

    private static async Task<Exception> FailureOf(FoundryLlmClient client)
    {
        try
        {
            await foreach (var _ in client.OpenAiResponses.StreamAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "Tell me a 10 word story" }))
            {
            }
        }
        catch (FoundryException e)
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException("the stream did not fail");
    }
}
