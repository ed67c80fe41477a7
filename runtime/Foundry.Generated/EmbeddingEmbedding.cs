using Foundry.Generated.Runtime;

namespace Foundry.Generated.OpenAi;

/// <summary>
/// An embedding vector as the API sends it: a number array, or (<c>encoding_format: base64</c>) a base64 string of
/// little-endian float32 values. The spec sync types it as that union (spec/upstream/added-schemas.json).
/// </summary>
public readonly partial record struct EmbeddingEmbedding
{
    /// <summary>The vector as float32 values, whichever form it came in.</summary>
    public float[] ToFloats() => FoundryEmbeddingVector.ToFloats(AsDoubleList, AsString);
}
