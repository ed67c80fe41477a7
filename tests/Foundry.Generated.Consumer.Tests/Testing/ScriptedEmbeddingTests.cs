using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Foundry.Generated.Testing;
using Microsoft.Extensions.AI;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Testing;

/// <summary>Scripted embeddings answers: the vectors a test gives, in order, with the usage it gives.</summary>
public sealed class ScriptedEmbeddingTests
{
    private static readonly float[] First = [0.25f, -1.5f, 0.1f];
    private static readonly float[] Second = [1f, 0f, -0.3333333f];

    [Fact]
    public async Task The_generator_gets_the_scripted_vectors_in_order_with_the_scripted_usage()
    {
        // The generator asks for base64: the vectors travel as float32 bytes and come back exactly.
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Embedding(First, Second).WithUsage(11, 0), FoundryRoutes.OpenAiEmbeddings, "text-embedding-3-small");
        using var client = foundry.CreateClient();
        using var generator = client.OpenAiEmbeddings.AsIEmbeddingGenerator(EmbeddingsModel.TextEmbedding3Small);

        var result = await generator.GenerateAsync(["alpha", "beta"]);

        Assert.Equal(First, result[0].Vector.ToArray());
        Assert.Equal(Second, result[1].Vector.ToArray());
        Assert.Equal(11, result.Usage!.InputTokenCount);
        Assert.Equal(11, result.Usage.TotalTokenCount);
        Assert.Contains("\"encoding_format\":\"base64\"", foundry.LastRequest.BodyText, StringComparison.Ordinal);
        foundry.VerifyAllRepliesUsed();
    }

    [Fact]
    public async Task A_number_array_request_gets_the_vectors_as_numbers_and_usage_from_the_inputs()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Embedding(Second));
        using var client = foundry.CreateClient();

        var response = await client.OpenAiEmbeddings.CreateAsync(new CreateEmbeddingRequest { Model = EmbeddingsModel.TextEmbedding3Small, Input = new List<string> { "one two three" }, EncodingFormat = CreateEmbeddingRequestEncodingFormat.Float });

        var item = Assert.Single(response.Data);
        Assert.False(item.EmbeddingValue.IsString);
        Assert.Equal(Second, item.EmbeddingValue.ToFloats());
        Assert.Equal(3, response.Usage.PromptTokens);
    }

    [Fact]
    public async Task An_embeddings_reply_taken_by_a_chat_request_is_a_500_that_says_so()
    {
        var foundry = new FakeFoundry();
        foundry.Enqueue(FoundryReply.Embedding(First));
        using var client = foundry.CreateClient(o => o.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<FoundryApiException>(() => client.OpenAiResponses.CreateAsync(new CreateResponse { Model = ResponsesModel.Gpt5Mini, Input = "hi" }));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("embeddings reply", error.Message);
        Assert.Contains("openai-embeddings", error.Message);
    }

    [Fact]
    public void An_embeddings_reply_scripted_for_another_route_or_a_chat_reply_for_embeddings_is_refused_when_scripted()
    {
        var foundry = new FakeFoundry();

        var wrongRoute = Assert.Throws<ArgumentException>(() => foundry.Enqueue(FoundryReply.Embedding(First), FoundryRoutes.OpenAiResponses));
        var wrongReply = Assert.Throws<ArgumentException>(() => foundry.Enqueue(FoundryReply.Text("hi"), FoundryRoutes.OpenAiEmbeddings));

        Assert.Contains("answers openai-embeddings, not openai-responses", wrongRoute.Message);
        Assert.Contains("gets vectors (FoundryReply.Embedding)", wrongReply.Message);
    }

    [Fact]
    public void An_embeddings_reply_needs_a_vector()
    {
        Assert.Throws<ArgumentException>(() => FoundryReply.Embedding());
        Assert.Throws<ArgumentException>(() => FoundryReply.Embedding([]));
    }
}
