using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;

namespace Foundry.Generated.Runtime;

/// <summary>
/// Streamed text (answer text, tool arguments, thinking) joined per member: pieces go to a builder, and
/// <see cref="Flush"/> writes each builder's text into its member. Joining strings in the tree instead would copy the
/// text so far on every piece.
/// </summary>
internal sealed class TextSlots
{
    private readonly Dictionary<(JsonObject Owner, string Name), StringBuilder> _slots = new();
    private (JsonObject? Owner, string? Name, StringBuilder? Text) _last;

    /// <summary>Appends <paramref name="piece"/> to the member (its current string value, if any, comes first).</summary>
    public void Append(JsonObject owner, string name, string? piece)
    {
        if (string.IsNullOrEmpty(piece))
        {
            if (!owner.ContainsKey(name) || owner[name] is null)
            {
                owner[name] = piece ?? string.Empty;
            }

            return;
        }

        Builder(owner, name).Append(piece);
    }

    /// <summary>As <see cref="Append(JsonObject, string, string?)"/> with the piece still in its JSON form.</summary>
    public void Append(JsonObject owner, string name, System.ReadOnlySpan<char> piece)
    {
        if (piece.IsEmpty)
        {
            Append(owner, name, string.Empty);
            return;
        }

        Builder(owner, name).Append(piece);
    }

    /// <summary>Replaces the member's text (a <c>.done</c> event with the whole value).</summary>
    public void Set(JsonObject owner, string name, string? value)
    {
        _slots.Remove((owner, name));
        if (ReferenceEquals(_last.Owner, owner) && _last.Name == name)
        {
            _last = default;
        }

        owner[name] = value;
    }

    /// <summary>Writes every joined text into its member; the builders stay, so later pieces still join.</summary>
    public void Flush()
    {
        foreach (var ((owner, name), text) in _slots)
        {
            owner[name] = text.ToString();
        }
    }

    /// <summary>Forgets the builders of members that a whole value replaced (after <see cref="Flush"/>).</summary>
    public void Clear()
    {
        _slots.Clear();
        _last = default;
    }

    private StringBuilder Builder(JsonObject owner, string name)
    {
        if (ReferenceEquals(_last.Owner, owner) && _last.Name == name)
        {
            return _last.Text!;
        }

        if (!_slots.TryGetValue((owner, name), out var text))
        {
            text = new StringBuilder();
            if (owner[name] is JsonValue v && v.TryGetValue<string>(out var existing))
            {
                text.Append(existing);
            }

            _slots[(owner, name)] = text;
        }

        _last = (owner, name, text);
        return text;
    }
}
