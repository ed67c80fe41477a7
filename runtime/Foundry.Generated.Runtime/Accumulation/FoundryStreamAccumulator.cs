using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using Foundry.Generated.Runtime;

namespace Foundry.Generated;

/// <summary>
/// Collects one stream's events into the route's non-streaming response while the caller still receives every event:
/// pass it to a client's <c>StreamAsync</c> overload that takes one. The route's dialect decides how events combine
/// (text and argument pieces joined, items and blocks by index, usage and finish reasons kept); an event it does not
/// know is kept whole in <see cref="UnknownEvents"/>. One accumulator per stream.
/// </summary>
public abstract class FoundryStreamAccumulator
{
    private readonly List<JsonElement> _unknown = new();
    private StreamAccumulator? _engine;

    private protected FoundryStreamAccumulator()
    {
    }

    /// <summary>Events accumulated so far (every event the stream delivered).</summary>
    public int EventCount { get; private set; }

    /// <summary>
    /// Events the dialect does not know (a new event type), each kept as its raw JSON in arrival order, so nothing is
    /// lost even when the response type has no place for it.
    /// </summary>
    public IReadOnlyList<JsonElement> UnknownEvents => _unknown;

    /// <summary>The route the accumulator was bound to by its stream (null before the stream starts).</summary>
    public string? Route { get; private set; }

    /// <summary>Writes the response accumulated so far as JSON (the route's non-streaming response body).</summary>
    public void WriteResponseJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Engine().WriteResponse(writer);
    }

    /// <summary>The response accumulated so far as UTF-8 JSON.</summary>
    public byte[] ToResponseJson()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, FoundryJson.WriterOptions))
        {
            Engine().WriteResponse(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The stream's redaction point (the tokens its call sent), for failures raised from what it collected.</summary>
    internal TokenScrubber Scrubber { get; private set; }

    /// <summary>Binds the accumulator to a stream of <paramref name="route"/>; a second stream is refused.</summary>
    internal void Begin(string route, in TokenScrubber scrub)
    {
        if (_engine is not null)
        {
            throw new InvalidOperationException($"This accumulator already collected a stream of '{Route}': use one accumulator per stream.");
        }

        var dialect = FoundryRoutes.GetStreamDialect(route) ?? throw new ArgumentException($"route '{route}' does not stream", nameof(route));
        _engine = StreamAccumulator.For(dialect, _unknown);
        Route = route;
        Scrubber = scrub;
    }

    /// <summary>One event's raw JSON, after it decoded as the route's event type.</summary>
    internal void Add(ReadOnlySpan<byte> data)
    {
        EventCount++;
        _engine!.Accept(data);
    }

    private StreamAccumulator Engine()
        => _engine ?? throw new InvalidOperationException("The accumulator has not been given a stream yet: pass it to a client's StreamAsync and enumerate the stream.");
}

/// <summary>
/// A <see cref="FoundryStreamAccumulator"/> whose result is the route's response type: <see cref="ToResponse"/> reads
/// the accumulated JSON with the generated reader.
/// </summary>
/// <typeparam name="TResponse">The route's non-streaming response (e.g. <c>Response</c>, <c>CreateChatCompletionResponse</c>,
/// Anthropic <c>Message</c>, <c>GenerateContentResponse</c>).</typeparam>
public sealed class FoundryStreamAccumulator<TResponse> : FoundryStreamAccumulator
    where TResponse : IFoundryJsonReadable<TResponse>
{
    /// <summary>
    /// The response built from the events so far: the whole answer once the stream has ended, or what arrived before a
    /// stream failed or was left early (call it in the <c>catch</c>). Each call builds a new object.
    /// </summary>
    public TResponse ToResponse() => FoundryJson.Deserialize<TResponse>(ToResponseJson());
}
