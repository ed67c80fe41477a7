using System.Text;
using System.Text.Json;
using Foundry.Generated.Anthropic;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.RoundTrip;

/// <summary>
/// The one rule for required properties a provider leaves out: no member typed non-nullable is ever null after
/// reading. A missing string or collection reads as empty (and is not written back: absent stays absent); a missing
/// object fails reading with a JsonException naming it. An explicit null on an optional property is written back.
/// </summary>
public sealed class MissingRequiredTests
{
    [Fact]
    public void A_missing_required_string_reads_as_empty_and_stays_absent_when_written()
    {
        const string json = """{"type":"response.output_text.delta","item_id":"msg_1","output_index":0,"content_index":0,"sequence_number":3}""";

        var e = (ResponseTextDeltaEvent)FoundryJson.Deserialize<ResponseStreamEvent>(Encoding.UTF8.GetBytes(json));

        Assert.Equal(string.Empty, e.Delta);
        using var written = JsonDocument.Parse(FoundryJson.Serialize<ResponseStreamEvent>(e));
        Assert.False(written.RootElement.TryGetProperty("delta", out _));
        Assert.Equal("msg_1", written.RootElement.GetProperty("item_id").GetString());
    }

    [Fact]
    public void A_missing_required_object_fails_reading_naming_it()
    {
        const string json = """{"type":"message_start"}""";

        var error = Assert.Throws<JsonException>(() => FoundryJson.Deserialize<MessageStreamEvent>(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("MessageStartEvent has no 'message'", error.Message);
    }

    [Fact]
    public void An_explicit_null_stays_null_and_an_absent_optional_stays_absent()
    {
        const string withNull = """{"type":"response.output_text.delta","item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hi","sequence_number":3,"logprobs":null}""";
        const string without = """{"type":"response.output_text.delta","item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hi","sequence_number":3}""";

        using var a = JsonDocument.Parse(FoundryJson.Serialize(FoundryJson.Deserialize<ResponseStreamEvent>(Encoding.UTF8.GetBytes(withNull))));
        using var b = JsonDocument.Parse(FoundryJson.Serialize(FoundryJson.Deserialize<ResponseStreamEvent>(Encoding.UTF8.GetBytes(without))));

        Assert.Equal(JsonValueKind.Null, a.RootElement.GetProperty("logprobs").ValueKind);
        Assert.False(b.RootElement.TryGetProperty("logprobs", out _));
    }
}
