using System;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Reads strings of events without a new string per event: a text piece is unescaped into one reused buffer (it goes
/// straight on to a builder); a member name or type the dialect knows is matched by <see cref="KnownNames"/>.
/// </summary>
internal sealed class PieceReader
{
    private char[] _chars = new char[256];

    /// <summary>The string the reader is on, unescaped into the buffer; valid until the next call.</summary>
    public ReadOnlySpan<char> Chars(scoped ref Utf8JsonReader reader)
    {
        var max = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (_chars.Length < max)
        {
            _chars = new char[Math.Max(max, _chars.Length * 2)];
        }

        var n = reader.CopyString(_chars);
        return _chars.AsSpan(0, n);
    }

    /// <summary>
    /// A string token (quotes included) of an event the typed reader already read whole, so its bytes are known to be
    /// valid: without escapes it is transcoded straight into the buffer, with them unescaped by a reader.
    /// </summary>
    public ReadOnlySpan<char> Chars(ReadOnlySpan<byte> validStringToken)
    {
        var raw = validStringToken[1..^1];
        if (raw.IndexOf((byte)'\\') >= 0)
        {
            var reader = new Utf8JsonReader(validStringToken);
            reader.Read();
            return Chars(ref reader);
        }

        if (_chars.Length < raw.Length)
        {
            _chars = new char[Math.Max(raw.Length, _chars.Length * 2)];
        }

        var n = System.Text.Encoding.UTF8.GetChars(raw, _chars);
        return _chars.AsSpan(0, n);
    }
}
