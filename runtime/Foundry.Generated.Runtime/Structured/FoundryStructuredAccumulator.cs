using System;
using System.Text.Json.Serialization.Metadata;
using Foundry.Generated.Runtime;

namespace Foundry.Generated;

/// <summary>
/// Structured output over a stream: pass it to a client's <c>StreamAsync</c> overload that takes one. The request gets
/// the route's format for <typeparamref name="T"/>'s schema; the caller sees every event (the JSON text as it arrives),
/// and once the stream has ended <see cref="ToResult"/> parses the whole answer. Built on
/// <see cref="FoundryStreamAccumulator{TResponse}"/>, which <see cref="Accumulator"/> exposes. One per stream.
/// </summary>
/// <typeparam name="T">The caller's type.</typeparam>
/// <typeparam name="TResponse">The route's response type.</typeparam>
public sealed class FoundryStructuredAccumulator<T, TResponse>
    where TResponse : IFoundryJsonReadable<TResponse>
{
    /// <param name="typeInfo">The type's source-generated metadata (e.g. <c>MyJsonContext.Default.Weather</c>): its
    /// schema goes with the request and it parses the answer, without reflection.</param>
    public FoundryStructuredAccumulator(JsonTypeInfo<T> typeInfo)
    {
        TypeInfo = typeInfo ?? throw new ArgumentNullException(nameof(typeInfo));
    }

    /// <summary>The type's metadata given at construction.</summary>
    public JsonTypeInfo<T> TypeInfo { get; }

    /// <summary>The accumulator of the route's response the events go to.</summary>
    public FoundryStreamAccumulator<TResponse> Accumulator { get; } = new();

    internal string? Model { get; set; }

    /// <summary>
    /// The whole answer parsed as <typeparamref name="T"/>, with the accumulated response. Call it after the stream has
    /// ended; a refusal, a cut-off answer or text that does not parse raises <see cref="FoundryStructuredOutputException"/>
    /// with the text received.
    /// </summary>
    public FoundryStructuredResponse<T, TResponse> ToResult()
    {
        var route = Accumulator.Route ?? throw new InvalidOperationException("The accumulator has not been given a stream yet: pass it to a client's StreamAsync and enumerate the stream.");
        var json = Accumulator.ToResponseJson();
        return StructuredOutput.Complete(route, Model, TypeInfo, FoundryJson.Deserialize<TResponse>(json), json, Accumulator.Scrubber);
    }
}

/// <summary>Structured output's schema as it is sent.</summary>
public static class FoundryStructuredOutput
{
    /// <summary>
    /// The JSON schema sent for <paramref name="typeInfo"/> on <paramref name="route"/>: <c>JsonSchemaExporter</c>'s
    /// schema transformed to the provider's rules (OpenAI and xAI strict mode, Anthropic, Gemini). A keyword the provider
    /// refuses is an <see cref="ArgumentException"/> naming the member, as the clients raise it before a request.
    /// </summary>
    public static System.Text.Json.JsonElement GetSchema(JsonTypeInfo typeInfo, string route)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(route);
        var schema = StructuredSchema.Build(typeInfo, StructuredSchema.RulesFor(route));
        using var document = System.Text.Json.JsonDocument.Parse(schema.ToJsonString());
        return document.RootElement.Clone();
    }
}
