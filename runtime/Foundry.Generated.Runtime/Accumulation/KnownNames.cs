using System.Text;
using System.Text.Json;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Names (members, event types) a dialect expects, with their UTF-8 bytes: matching the reader's string against the
/// bytes needs no transcoding, and a match is the one constant string, not a new one per event.
/// </summary>
internal sealed class KnownNames
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;

    public KnownNames(params string[] names)
    {
        _names = names;
        _utf8 = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
        }
    }

    /// <summary>The string the reader is on (a property name or a value): one of the names, or a new string.</summary>
    public string Match(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8[i]))
            {
                return _names[i];
            }
        }

        return reader.GetString()!;
    }
}
