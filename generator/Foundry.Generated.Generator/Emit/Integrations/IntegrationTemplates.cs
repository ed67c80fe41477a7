using System.Collections.Generic;

namespace Foundry.Generated.Generator.Emit.Integrations;

/// <summary>
/// One hand-written adapter source (an embedded <c>Templates/*.cs</c> resource whose <c>__Root__</c> becomes the
/// root namespace) and the generated names it compiles against. A regenerated spec that lacks one of them skips
/// the adapter with FDRY303 instead of breaking the consumer's build.
/// </summary>
internal sealed record IntegrationTemplate(string Name, string Resource, IReadOnlyList<string> Requires)
{
    public string HintName => "AI." + Name + ".g.cs";
}

/// <summary>The Microsoft.Extensions.AI adapters (generated only when the consumer references Microsoft.Extensions.AI.Abstractions).</summary>
internal static class IntegrationTemplates
{
    public static readonly IReadOnlyList<IntegrationTemplate> ExtensionsAi = new[]
    {
        new IntegrationTemplate("FoundryChatMapping", "ChatMapping.cs", new string[0]),
        new IntegrationTemplate("FoundryResponsesChatClient", "ResponsesChatClient.cs", new[]
        {
            "OpenAiResponsesClient", "ResponsesModel", "OpenAi.CreateResponse", "OpenAi.InputItem", "OpenAi.Item", "OpenAi.EasyInputMessage",
            "OpenAi.EasyInputMessageRole", "OpenAi.FunctionToolCall", "OpenAi.FunctionCallOutputItemParam", "OpenAi.Tool", "OpenAi.FunctionTool",
            "OpenAi.ToolChoiceParam", "OpenAi.ToolChoiceOptions", "OpenAi.ToolChoiceFunction", "OpenAi.ResponseTextParam",
            "OpenAi.TextResponseFormatJsonSchema", "OpenAi.ResponseFormatJsonObject", "OpenAi.Reasoning", "OpenAi.ReasoningEffort",
            "OpenAi.ReasoningSummary", "OpenAi.Response", "OpenAi.ResponseCreatedEvent", "OpenAi.ResponseTextDeltaEvent",
            "OpenAi.ResponseReasoningSummaryTextDeltaEvent", "OpenAi.ResponseReasoningTextDeltaEvent", "OpenAi.ResponseOutputItemAddedEvent",
            "OpenAi.ResponseFunctionCallArgumentsDeltaEvent", "OpenAi.ResponseOutputItemDoneEvent", "OpenAi.ResponseCompletedEvent",
            "OpenAi.ResponseIncompleteEvent", "OpenAi.ResponseFailedEvent",
        }),
    };
}
