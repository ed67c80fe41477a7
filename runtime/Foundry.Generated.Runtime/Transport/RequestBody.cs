using System;
using System.Buffers;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>Serialises a request once (retries resend the same bytes) with the generated writer.</summary>
internal static class RequestBody
{
    public static ReadOnlyMemory<byte> Serialize<TRequest>(TRequest request, FoundryWireOptions options)
        where TRequest : IFoundryJsonWritable
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, FoundryJson.WriterOptions))
        {
            request.WriteJson(writer, options);
        }

        return buffer.WrittenMemory;
    }
}
