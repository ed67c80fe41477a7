using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Foundry.Generated.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.ExtensionsAI;

/// <summary>Microsoft.Extensions.AI middleware beyond function invocation runs over the generated adapters (against the
/// in-memory fake: the same engine as the loopback emulator, one per test).</summary>
public sealed class ChatMiddlewareTests
{
    [Theory]
    [MemberData(nameof(ChatClientTests.Routes), MemberType = typeof(ChatClientTests))]
    public async Task The_readme_function_invocation_example_ends_with_the_tools_answer(string route)
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();
        using var chat = new ChatClientBuilder(ChatClientTests.ChatClient(client, route)).UseFunctionInvocation().Build();

        // As README.md shows it: the tool takes a city, not whatever the emulator used to send.
        var answer = await chat.GetResponseAsync("What is the weather in Paris?",
            new ChatOptions { Tools = [AIFunctionFactory.Create((string city) => "sunny", "weather")] });

        Assert.EndsWith("The tool said: sunny", answer.Text);
    }

    [Fact]
    public async Task The_distributed_cache_middleware_answers_a_repeated_request_without_calling_Foundry()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        using var chat = new ChatClientBuilder(client.OpenAiResponses.AsIChatClient(ResponsesModel.Gpt5Mini)).UseDistributedCache(cache).Build();

        var first = await chat.GetResponseAsync("Tell me a 9 word story");
        var second = await chat.GetResponseAsync("Tell me a 9 word story");

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(9, second.Text.Split(' ').Length);
        Assert.Single(foundry.Requests);
    }

    [Fact]
    public async Task The_OpenTelemetry_middleware_records_a_chat_span_with_the_model_and_usage()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();
        const string source = "Foundry.Generated.Tests.Chat";
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) spans.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);
        using var chat = new ChatClientBuilder(client.AnthropicMessages.AsIChatClient(AnthropicMessagesModel.ClaudeSonnet4_5)).UseOpenTelemetry(sourceName: source).Build();

        await chat.GetResponseAsync("Tell me a 5 word story");

        var span = Assert.Single(spans);
        Assert.Equal("claude-sonnet-4.5", span.GetTagItem("gen_ai.request.model"));
        Assert.Equal("palantir-foundry", span.GetTagItem("gen_ai.provider.name") ?? span.GetTagItem("gen_ai.system"));
        Assert.True(Convert.ToInt64(span.GetTagItem("gen_ai.usage.output_tokens")) > 0);
    }
}
