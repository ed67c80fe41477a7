using System;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>
/// The top-level members of an event that say where a piece of text goes (<c>type</c>, indexes, the piece), read
/// with one <see cref="Utf8JsonReader"/> pass so the frequent delta events build no JSON tree. Other members are skipped.
/// </summary>
internal ref struct DeltaEvent
{
    public string? Type;
    public int OutputIndex;
    public int ContentIndex;
    public int SummaryIndex;
    public int Index;
    /// <summary>The piece, in the <see cref="PieceReader"/>'s buffer (valid until it reads the next one).</summary>
    public ReadOnlySpan<char> Delta;

    /// <summary>Whether the event has the piece as a string.</summary>
    public bool HasDelta;
    /// <summary>Set when the event has a member that is not a string, number or the ones read here (e.g. logprobs):
    /// then the event is read whole.</summary>
    public bool HasOther;

    public static DeltaEvent Read(ReadOnlySpan<byte> data, ReadOnlySpan<byte> pieceName, PieceReader pieces, KnownNames knownTypes)
    {
        var e = default(DeltaEvent);
        var reader = new Utf8JsonReader(data);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                e.Type = reader.TokenType == JsonTokenType.String ? knownTypes.Match(ref reader) : null;
            }
            else if (reader.ValueTextEquals("output_index"u8))
            {
                e.OutputIndex = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("content_index"u8))
            {
                e.ContentIndex = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("summary_index"u8))
            {
                e.SummaryIndex = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals("index"u8))
            {
                e.Index = ReadInt(ref reader);
            }
            else if (reader.ValueTextEquals(pieceName))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    e.Delta = pieces.Chars(ref reader);
                    e.HasDelta = true;
                }

                e.HasOther |= reader.TokenType is not JsonTokenType.String and not JsonTokenType.Null;
                reader.Skip();
            }
            else
            {
                reader.Read();
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    // An empty array (no logprobs) holds nothing to keep.
                    var start = reader.TokenType;
                    reader.Read();
                    e.HasOther |= !(start == JsonTokenType.StartArray && reader.TokenType == JsonTokenType.EndArray);
                    if (reader.TokenType is not JsonTokenType.EndArray and not JsonTokenType.EndObject)
                    {
                        SkipRest(ref reader);
                    }
                }
            }
        }

        return e;
    }

    private static int ReadInt(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var i) ? i : 0;
    }

    // Skips to the end of the container whose first inner token the reader is on.
    private static void SkipRest(ref Utf8JsonReader reader)
    {
        var depth = 1;
        do
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                depth++;
            }
            else if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                depth--;
                if (depth == 0)
                {
                    return;
                }
            }
        }
        while (reader.Read());
    }
}
