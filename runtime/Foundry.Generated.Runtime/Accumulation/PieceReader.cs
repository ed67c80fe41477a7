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
}
