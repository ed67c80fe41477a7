using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Where a reader found an event's text piece: the string token's bytes, quotes included, in the event's data (the
/// reader reads the data from its first byte). Unset when the text came from no single string (several parts joined).
/// </summary>
internal struct PieceToken
{
    public int Start;
    public int End;

    public readonly bool Found => End > Start;

    /// <summary>On a string token: records where it stands.</summary>
    public void Set(in Utf8JsonReader reader)
    {
        Start = (int)reader.TokenStartIndex;
        End = (int)reader.BytesConsumed;
    }
}
