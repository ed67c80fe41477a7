using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Foundry.Generated.Runtime;

/// <summary>
/// An embedding vector as the API sends it: a number array, or (<c>encoding_format: base64</c>, the OpenAI SDKs'
/// default and 4× fewer bytes on the wire) a base64 string of little-endian float32 values. Reads either straight
/// into a <c>float[]</c>; the base64 form never goes through a list of doubles.
/// </summary>
public static class FoundryEmbeddingVector
{
    /// <summary>The vector as float32 values, from whichever form is set (numbers win when both are).</summary>
    public static float[] ToFloats(IReadOnlyList<double>? numbers, string? base64)
    {
        if (numbers is not null)
        {
            var result = new float[numbers.Count];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = (float)numbers[i];
            }

            return result;
        }

        return FromBase64(base64 ?? throw new FormatException("The embedding has neither numbers nor a base64 string."));
    }

    /// <summary>Decodes a base64 string of little-endian float32 values.</summary>
    public static float[] FromBase64(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new FormatException($"A base64 embedding of {bytes.Length} bytes is not a whole number of float32 values.");
        }

        var values = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * sizeof(float))));
        }

        return values;
    }

    /// <summary>The base64 form of a vector (what a server sends for <c>encoding_format: base64</c>).</summary>
    public static string ToBase64(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * sizeof(float)), BitConverter.SingleToInt32Bits(vector[i]));
        }

        return Convert.ToBase64String(bytes);
    }
}
