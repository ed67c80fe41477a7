using System;
using System.Collections.Generic;
using System.Globalization;

namespace Foundry.Generated.Emulator;

/// <summary>What to do to one request, chosen per request by the <c>x-foundry-emulator-fault</c> header or <see cref="FoundryProxyEmulator.EnqueueFault"/>.</summary>
/// <remarks>
/// Grammar: <c>kind[:key=value[;key=value]]</c>, e.g. <c>status:code=429;retry-after=1</c>, <c>midstream-error:after=3</c>,
/// <c>drop:after=2</c> (reset the connection after 2 events, 200 ms later so they arrive; <c>delay-ms</c> changes that), <c>stall:after=2</c>, <c>slow:delay-ms=50</c>, <c>split:bytes=7</c>, <c>invalid-json:at=2</c>,
/// <c>oversized:bytes=100000</c>.
/// </remarks>
public sealed record EmulatorFault(string Kind, IReadOnlyDictionary<string, string> Settings)
{
    public const string Header = "x-foundry-emulator-fault";

    public static EmulatorFault Status(int code, int? retryAfterSeconds = null)
        => Parse($"status:code={code}" + (retryAfterSeconds is { } s ? $";retry-after={s}" : string.Empty));

    public static EmulatorFault Parse(string text)
    {
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

        return new EmulatorFault(kind, settings);
    }

    public int Int(string key, int fallback)
        => Settings.TryGetValue(key, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : fallback;

    public override string ToString() => Kind + (Settings.Count == 0 ? string.Empty : ":" + string.Join(";", System.Linq.Enumerable.Select(Settings, p => p.Key + "=" + p.Value)));
}
