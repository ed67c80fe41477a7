using System;

namespace Foundry.Generated.Testing;

/// <summary>How a <see cref="FakeFoundry"/> behaves; the defaults answer like Foundry does.</summary>
public class FakeFoundryOptions
{
    /// <summary>The bearer token accepted; random when null.</summary>
    public string? Token { get; set; }

    /// <summary>OAuth2 client id accepted by the token endpoint (<c>/multipass/api/oauth2/token</c>).</summary>
    public string ClientId { get; set; } = "emulator-client";

    /// <summary>OAuth2 client secret accepted by the token endpoint.</summary>
    public string ClientSecret { get; set; } = "emulator-secret";

    /// <summary>Lifetime the token endpoint reports.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Delay between streamed events (keeps a stream observable); zero by default.</summary>
    public TimeSpan EventDelay { get; set; }

    /// <summary>Check each request body against the proxy spec's request schema (400 when it does not fit); on by default.</summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>An enrollment with missing models, denials, failing routes or rate limits; none by default.</summary>
    public FakeEnrollment? Enrollment { get; set; }

    /// <summary>
    /// False (the default): a request no scripted reply matches gets the emulated reply (deterministic text derived
    /// from the prompt, a call of the first tool offered). True: it gets a 500 naming the request and the scripts, so
    /// a test notices a call it did not expect.
    /// </summary>
    public bool RequireScriptedReplies { get; set; }

    /// <summary>
    /// What a request must share with a replayed recording (<see cref="FoundryReply.Recorded"/>) to get it:
    /// <see cref="FoundryRecordingMatch.Request"/> (the default) the whole recorded request when there is one, else
    /// route and model; <see cref="FoundryRecordingMatch.RouteAndModel"/> only those. A request that differs gets a 500
    /// naming the first difference (a JSON path, expected and actual), and the recording stays scripted.
    /// </summary>
    public FoundryRecordingMatch RecordingMatch { get; set; } = FoundryRecordingMatch.Request;
}

/// <summary>What a request must share with a replayed recording; see <see cref="FakeFoundryOptions.RecordingMatch"/>.</summary>
public enum FoundryRecordingMatch
{
    /// <summary>The recorded request, JSON for JSON (members in any order, the model as id or RID), when recorded.</summary>
    Request,

    /// <summary>The route, and the model when the recording names one.</summary>
    RouteAndModel,
}
