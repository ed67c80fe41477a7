using System.Linq;
using System.Text;
using Foundry.Generated.OpenAi;
using Foundry.Generated.Runtime;
using Xunit;

namespace Foundry.Generated.Consumer.Tests.RoundTrip;

/// <summary>
/// A Responses request read back (as the Testing package's captured requests are): tool-loop items in <c>input</c>
/// decode as the <c>Item</c> case of <c>InputItem</c> — whose members' <c>type</c> values the union peeks at — not as
/// the union's last member, an item reference.
/// </summary>
public sealed class InputItemUnionTests
{
    [Fact]
    public void Function_call_items_in_a_request_decode_as_items()
    {
        var json = """{"model":"gpt-5-mini","input":[{"type":"message","role":"user","content":"hi"},{"type":"function_call","call_id":"c1","name":"weather","arguments":"{}"},{"type":"function_call_output","call_id":"c1","output":"sunny"},{"type":"item_reference","id":"msg_1"}]}""";

        var items = FoundryJson.Deserialize<CreateResponse>(Encoding.UTF8.GetBytes(json)).Input!.Value.AsInputItemList!;

        Assert.NotNull(items[0].AsEasyInputMessage);
        Assert.IsType<FunctionToolCall>(items[1].AsItem!.Value.AsFunctionToolCall);
        Assert.Equal("sunny", items[2].AsItem!.Value.AsFunctionCallOutputItemParam!.Output.AsString);
        Assert.Equal("msg_1", items[3].AsItemReferenceParam!.Id);
    }

    [Fact]
    public void Items_without_a_type_decode_as_the_member_whose_required_properties_they_have()
    {
        // "type" is optional on both: a plain message (the common shape) and a reference by id.
        var json = """{"model":"gpt-5-mini","input":[{"role":"user","content":"hi"},{"id":"msg_1"}]}""";

        var items = FoundryJson.Deserialize<CreateResponse>(Encoding.UTF8.GetBytes(json)).Input!.Value.AsInputItemList!;

        Assert.Equal("hi", items[0].AsEasyInputMessage!.Content.AsString);
        Assert.Equal("msg_1", items[1].AsItemReferenceParam!.Id);
    }
}
