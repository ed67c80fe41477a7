using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Foundry.Generated.Runtime;

namespace Foundry.Generated;

/// <summary>
/// Traces and metrics following the OpenTelemetry gen_ai conventions: one client span per request
/// (<c>chat {model}</c>), operation duration, time to first chunk and token usage. No prompt or token content.
/// </summary>
public static class FoundryTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> and <see cref="Meter"/> name to listen to.</summary>
    public const string SourceName = "Foundry.Generated";

    private static readonly ActivitySource Source = new(SourceName, "1.0.0");
    private static readonly Meter Meter = new(SourceName, "1.0.0");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("gen_ai.client.operation.duration", "s", "Duration of a Foundry LLM proxy call");
    private static readonly Histogram<double> TimeToFirstChunk = Meter.CreateHistogram<double>("gen_ai.client.operation.time_to_first_chunk", "s", "Time until the first streamed event");
    private static readonly Histogram<long> TokenUsage = Meter.CreateHistogram<long>("gen_ai.client.token.usage", "{token}", "Tokens used per call");

    internal static Activity? Start(FoundryOperation operation, bool stream)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var model = ModelOf(operation);
        var activity = Source.StartActivity(OperationName(operation.Route) + " " + model, ActivityKind.Client);
        if (activity != null)
        {
            activity.SetTag("gen_ai.operation.name", OperationName(operation.Route));
            activity.SetTag("gen_ai.provider.name", ProviderOf(operation.Route));
            activity.SetTag("gen_ai.request.model", model);
            activity.SetTag("gen_ai.request.stream", stream);
            activity.SetTag("foundry.route", operation.Route);
        }

        return activity;
    }

    /// <summary>
    /// Whether a stream's token usage goes anywhere: its span or a listener of the usage metric. Decided once per
    /// stream, so scanning each event for token counts costs nothing when nobody listens.
    /// </summary>
    internal static bool RecordsUsage(Activity? activity) => activity != null || TokenUsage.Enabled;

    internal static void FirstEvent(Activity? activity, FoundryOperation operation, long started, TimeProvider time)
    {
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        TimeToFirstChunk.Record(seconds, Tags(operation, null));
        activity?.AddEvent(new ActivityEvent("gen_ai.first_chunk"));
    }

    internal static void Completed(Activity? activity, FoundryOperation operation, long started, TimeProvider time, (long? Input, long? Output) usage)
    {
        Duration.Record(time.GetElapsedTime(started).TotalSeconds, Tags(operation, null));
        if (usage.Input is { } input)
        {
            TokenUsage.Record(input, Tags(operation, null, "input"));
            activity?.SetTag("gen_ai.usage.input_tokens", input);
        }

        if (usage.Output is { } output)
        {
            TokenUsage.Record(output, Tags(operation, null, "output"));
            activity?.SetTag("gen_ai.usage.output_tokens", output);
        }

        activity?.SetStatus(ActivityStatusCode.Ok);
    }

    internal static void Failed(Activity? activity, FoundryOperation operation, long started, TimeProvider time, string errorType)
    {
        Duration.Record(time.GetElapsedTime(started).TotalSeconds, Tags(operation, errorType));
        if (activity != null)
        {
            activity.SetTag("error.type", errorType);
            activity.SetStatus(ActivityStatusCode.Error, errorType);
        }
    }

    private static TagList Tags(FoundryOperation operation, string? errorType, string? tokenType = null)
    {
        var tags = new TagList
        {
            { "gen_ai.operation.name", OperationName(operation.Route) },
            { "gen_ai.provider.name", ProviderOf(operation.Route) },
            { "gen_ai.request.model", ModelOf(operation) },
        };
        if (errorType != null)
        {
            tags.Add("error.type", errorType);
        }

        if (tokenType != null)
        {
            tags.Add("gen_ai.token.type", tokenType);
        }

        return tags;
    }

    private static string ModelOf(FoundryOperation operation) => operation.Model.Info?.Id ?? operation.Model.GetWireId(ModelIdWireFormat.Rid);

    private static string OperationName(string route) => route == FoundryRoutes.OpenAiEmbeddings ? "embeddings" : "chat";

    private static string ProviderOf(string route) => route.Substring(0, route.IndexOf('-') < 0 ? route.Length : route.IndexOf('-')) switch
    {
        "openai" => "openai",
        "anthropic" => "anthropic",
        "google" => "gcp.gemini",
        "xai" => "xai",
        var other => other,
    };
}
