using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Foundry.Generated.Testing;

/// <summary>
/// Something to do wrong to one request: chosen per request by the <c>x-foundry-emulator-fault</c> header,
/// <see cref="FakeFoundry.EnqueueFault"/>, or a scripted <see cref="FoundryReply"/>.
/// </summary>
/// <remarks>
/// Grammar: <c>kind[:key=value[;key=value]]</c>, e.g. <c>status:code=429;retry-after=1</c>, <c>midstream-error:after=3</c>
/// (the provider's error event after 3 events), <c>cut:after=3</c> (the stream ends cleanly after 3 events, without
/// its terminal event), <c>drop:after=2</c> (reset the connection after 2 events, 200 ms later so they arrive;
/// <c>delay-ms</c> changes that), <c>stall:after=2</c>, <c>slow:delay-ms=50</c>, <c>split:bytes=7</c>,
/// <c>invalid-json:at=2</c>, <c>oversized:bytes=100000</c>, <c>not-sse</c> (a 200 HTML page where a stream was asked for).
/// </remarks>
public sealed record FoundryFault(string Kind, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The request header that picks a fault for that request.</summary>
    public const string Header = "x-foundry-emulator-fault";

    /// <summary>An HTTP error with Foundry's error body (429: <c>LanguageModelService:RateLimited</c>).</summary>
    public static FoundryFault Status(int code, int? retryAfterSeconds = null)
        => Parse($"status:code={code}" + (retryAfterSeconds is { } s ? $";retry-after={s}" : string.Empty));

    /// <summary>The stream ends after <paramref name="events"/> events without its terminal event.</summary>
    public static FoundryFault CutAfter(int events) => Parse($"cut:after={events}");

    /// <summary>The provider's own error event after <paramref name="events"/> events.</summary>
    public static FoundryFault ErrorEventAfter(int events) => Parse($"midstream-error:after={events}");

    /// <summary>The connection is reset after <paramref name="events"/> events.</summary>
    public static FoundryFault ResetAfter(int events) => Parse($"drop:after={events}");

    /// <summary>The stream sends nothing more after <paramref name="events"/> events (until the client gives up).</summary>
    public static FoundryFault StallAfter(int events) => Parse($"stall:after={events}");

    /// <summary>A 200 that is not an event stream (an HTML page), as a misconfigured proxy in between answers.</summary>
    public static FoundryFault NotEventStream() => Parse("not-sse");

    public static FoundryFault Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':');
        var kind = (colon < 0 ? text : text.Substring(0, colon)).Trim();
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (colon >= 0)
        {
            foreach (var part in text.Substring(colon + 1).Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = part.IndexOf('=');
                settings[eq < 0 ? part.Trim() : part.Substring(0, eq).Trim()] = eq < 0 ? string.Empty : part.Substring(eq + 1).Trim();
            }
        }

        return new FoundryFault(kind, settings);
    }

    public int Int(string key, int fallback)
        => Settings.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : fallback;

    public override string ToString() => Kind + (Settings.Count == 0 ? string.Empty : ":" + string.Join(";", Settings.Select(p => p.Key + "=" + p.Value)));
}
