using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Testing;
using Microsoft.Extensions.AI;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.ExtensionsAI;

/// <summary>The generated IEmbeddingGenerator over the embeddings route, through the in-memory fake's emulated vectors.</summary>
public sealed class EmbeddingGeneratorTests
{
    [Fact]
    public async Task A_batch_gives_one_vector_per_input_in_order_with_usage()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();
        using var generator = client.OpenAiEmbeddings.AsIEmbeddingGenerator(EmbeddingsModel.TextEmbedding3Small);

        var batch = await generator.GenerateAsync(["alpha", "beta", "alpha"]);
        var single = await generator.GenerateAsync(["beta"]);

        Assert.Equal(3, batch.Count);
        Assert.All(batch, e => Assert.Equal(1536, e.Vector.Length));
        Assert.True(batch[0].Vector.ToArray().SequenceEqual(batch[2].Vector.ToArray()), "the same text gives the same vector");
        Assert.False(batch[0].Vector.ToArray().SequenceEqual(batch[1].Vector.ToArray()));
        Assert.True(batch[1].Vector.ToArray().SequenceEqual(single[0].Vector.ToArray()), "vectors come back in input order");
        Assert.True(batch.Usage!.InputTokenCount > 0);
        Assert.Equal("text-embedding-3-small", batch[0].ModelId);
    }

    [Fact]
    public async Task Dimensions_and_the_model_id_from_the_options_reach_the_wire()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();
        using var generator = client.OpenAiEmbeddings.AsIEmbeddingGenerator(EmbeddingsModel.TextEmbedding3Small);

        var result = await generator.GenerateAsync(["alpha"], new EmbeddingGenerationOptions { Dimensions = 256, ModelId = "text-embedding-3-large" });

        Assert.Equal(256, result[0].Vector.Length);
        using var body = JsonDocument.Parse(Assert.Single(foundry.Requests).BodyText);
        Assert.Equal(256, body.RootElement.GetProperty("dimensions").GetInt32());
        Assert.Equal("base64", body.RootElement.GetProperty("encoding_format").GetString());
        Assert.Equal("ri.language-model-service..language-model.text-embedding-3-large_azure", body.RootElement.GetProperty("model").GetString());
        Assert.Equal(1536, generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);
    }

    [Fact]
    public async Task The_generator_asks_for_base64_and_gets_the_same_vectors_as_a_number_array_gives()
    {
        var foundry = new FakeFoundry();
        using var client = foundry.CreateClient();
        using var generator = client.OpenAiEmbeddings.AsIEmbeddingGenerator(EmbeddingsModel.TextEmbedding3Small);

        var viaBase64 = (await generator.GenerateAsync(["alpha"]))[0].Vector.ToArray();
        var numbers = await client.OpenAiEmbeddings.CreateAsync(new CreateEmbeddingRequest { Model = EmbeddingsModel.TextEmbedding3Small, Input = new System.Collections.Generic.List<string> { "alpha" }, EncodingFormat = CreateEmbeddingRequestEncodingFormat.Float });

        var item = Assert.Single(numbers.Data);
        Assert.False(item.EmbeddingValue.IsString);
        Assert.Equal(item.EmbeddingValue.ToFloats(), viaBase64);
        Assert.Contains(foundry.Requests, r => r.BodyText.Contains("\"encoding_format\":\"base64\"", System.StringComparison.Ordinal));
    }
}
