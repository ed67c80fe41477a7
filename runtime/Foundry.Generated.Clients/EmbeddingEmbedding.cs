using System;
using System.Collections.Generic;

namespace Foundry.Generated.OpenAi;

/// <summary>
/// An embedding vector as the API sends it: a number array, or (<c>encoding_format: base64</c>, the OpenAI Python and
/// .NET SDKs' default) a base64 string of little-endian float32 values. The spec sync types it as that union
/// (spec/upstream/added-schemas.json); these members read either form as a list of numbers.
/// </summary>
public readonly partial record struct EmbeddingEmbedding
{
    [ThreadStatic]
    private static (string Text, float[] Values)? s_lastDecoded;

    /// <summary>The number of dimensions, in either form.</summary>
    public int Count => AsDoubleList?.Count ?? Floats().Length;

    /// <summary>The <paramref name="index"/>th dimension, in either form.</summary>
    public double this[int index] => AsDoubleList is { } list ? list[index] : Floats()[index];

    /// <summary>The vector as float32 values (a base64 string decoded, a number array narrowed).</summary>
    public float[] ToFloats()
    {
        if (AsDoubleList is { } list)
        {
            var result = new float[list.Count];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = (float)list[i];
            }

            return result;
        }

        return (float[])Floats().Clone();
    }

    private float[] Floats()
    {
        var text = AsString ?? string.Empty;
        if (s_lastDecoded is { } last && ReferenceEquals(last.Text, text))
        {
            return last.Values;
        }

        var bytes = Convert.FromBase64String(text);
        if (bytes.Length % 4 != 0)
        {
            throw new FormatException($"A base64 embedding of {bytes.Length} bytes is not a whole number of float32 values.");
        }

        var values = new float[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BitConverter.Int32BitsToSingle(System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 4)));
        }

        s_lastDecoded = (text, values);
        return values;
    }
}
