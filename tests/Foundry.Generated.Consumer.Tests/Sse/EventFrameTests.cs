using System.Text;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.Sse;

/// <summary>
/// <see cref="EventFrame"/>: an event matches the remembered one only when every byte outside its holes (piece,
/// obfuscation padding, sequence number) is the same and each hole holds a whole token of its kind.
/// </summary>
public sealed class EventFrameTests
{
    private static string Delta(string sequence, string piece, string padding = "\"p4d\"")
        => $$"""{"type":"response.output_text.delta","sequence_number":{{sequence}},"item_id":"msg_1","output_index":0,"content_index":0,"delta":{{piece}},"logprobs":[],"obfuscation":{{padding}}}""";

    private static EventFrame Remembered(string json, bool cutSequenceNumber = true)
    {
        var data = Encoding.UTF8.GetBytes(json);
        var start = json.IndexOf("\"delta\":", System.StringComparison.Ordinal) + "\"delta\":".Length;
        var end = json.IndexOf(",\"logprobs\"", System.StringComparison.Ordinal);
        var frame = new EventFrame(cutSequenceNumber);
        Assert.True(frame.Remember(data, start, end));
        return frame;
    }

    private static bool Matches(EventFrame frame, string json, out string piece)
    {
        var data = Encoding.UTF8.GetBytes(json);
        var matched = frame.TryMatch(data, out var start, out var end);
        piece = matched ? Encoding.UTF8.GetString(data[start..end]) : "";
        return matched;
    }

    [Fact]
    public void An_event_that_differs_in_its_holes_matches_and_shows_its_piece()
    {
        var frame = Remembered(Delta("3", "\"a\""));

        Assert.True(Matches(frame, Delta("1234", "\"say \\\"hi\\\" \\\\\"", "\"\""), out var piece));
        Assert.Equal("\"say \\\"hi\\\" \\\\\"", piece);
        Assert.True(Matches(frame, Delta("0", "\"\"", "\"long padding\""), out piece));
        Assert.Equal("\"\"", piece);
    }

    [Fact]
    public void Any_byte_changed_outside_the_holes_is_no_match()
    {
        var json = Delta("7", "\"b\"");
        var frame = Remembered(Delta("3", "\"a\""));
        Assert.True(Matches(frame, json, out _));
        var holes = new[] { ("7", json.IndexOf(":7,", System.StringComparison.Ordinal) + 1), ("\"b\"", json.IndexOf("\"b\"", System.StringComparison.Ordinal)), ("\"p4d\"", json.IndexOf("\"p4d\"", System.StringComparison.Ordinal)) };

        for (var i = 0; i < json.Length; i++)
        {
            if (System.Array.Exists(holes, h => i >= h.Item2 && i < h.Item2 + h.Item1.Length))
            {
                continue;
            }

            var changed = json[..i] + (json[i] == 'x' ? 'y' : 'x') + json[(i + 1)..];
            Assert.False(Matches(frame, changed, out _), $"changed at {i}: {changed}");
        }

        Assert.False(Matches(frame, json + " ", out _));
        Assert.False(Matches(frame, json[..^1], out _));
    }

    [Fact]
    public void Spaces_before_the_closing_brace_are_a_hole_of_any_length_but_nowhere_else()
    {
        // Anthropic pads its events: {"type":"content_block_delta",…,"delta":{"type":"text_delta","text":"Hi"}     }
        static string Padded(string text, int spaces) => $$"""{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":{{text}}}{{new string(' ', spaces)}}}""";
        var json = Padded("\"Here\"", 10);
        var start = json.IndexOf("\"Here\"", System.StringComparison.Ordinal);
        var frame = new EventFrame();
        Assert.True(frame.Remember(Encoding.UTF8.GetBytes(json), start, start + 6));

        Assert.True(Matches(frame, Padded("\" are\"", 0), out var piece));
        Assert.Equal("\" are\"", piece);
        Assert.True(Matches(frame, Padded("\" the\"", 23), out _));
        Assert.False(Matches(frame, Padded("\" the\"", 3).Replace("\"index\":1", "\"index\": 1", System.StringComparison.Ordinal), out _));
    }

    [Theory]
    [InlineData("07", "\"b\"", "\"p\"")]
    [InlineData("-1", "\"b\"", "\"p\"")]
    [InlineData("1.5", "\"b\"", "\"p\"")]
    [InlineData("\"1\"", "\"b\"", "\"p\"")]
    [InlineData("1", "5", "\"p\"")]
    [InlineData("1", "null", "\"p\"")]
    [InlineData("1", "\"b\"", "3")]
    [InlineData("99999999999999999999", "\"b\"", "\"p\"")]
    public void A_hole_that_does_not_hold_a_token_of_its_kind_is_no_match(string sequence, string piece, string padding)
    {
        var frame = Remembered(Delta("3", "\"a\""));

        Assert.False(Matches(frame, Delta(sequence, piece, padding), out _));
    }

    [Fact]
    public void A_frame_that_keeps_the_sequence_number_needs_the_same_one()
    {
        var frame = Remembered(Delta("3", "\"a\""), cutSequenceNumber: false);

        Assert.True(Matches(frame, Delta("3", "\"b\""), out _));
        Assert.False(Matches(frame, Delta("4", "\"b\""), out _));
    }

    [Fact]
    public void A_piece_that_is_not_a_string_token_is_not_remembered_and_nothing_matches()
    {
        var data = Encoding.UTF8.GetBytes(Delta("3", "\"a\""));
        var frame = new EventFrame();

        Assert.False(frame.Remember(data, 0, 5));
        Assert.False(frame.TryMatch(data, out _, out _));
    }
}
