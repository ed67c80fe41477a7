using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http;
using Foundry.Generated.OpenAi;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Responses;

namespace Foundry.Generated.Benchmarks;

/// <summary>Our client and the OpenAI SDK's, each answered from memory with the same bytes, and the requests both send.</summary>
internal static class InMemoryClients
{
    public static FoundryLlmClient Foundry(byte[] body)
        => new(new FoundryClientOptions { BaseUrl = new Uri("http://localhost/"), Token = "benchmark" }, new HttpClient(new InMemoryHandler(body)));

    public static ResponsesClient OpenAiResponses(byte[] body)
        => new(new ApiKeyCredential("benchmark"), new ResponsesClientOptions { Endpoint = new Uri("http://localhost/v1"), Transport = Transport(body) });

    public static ChatClient OpenAiChat(byte[] body)
        => new("gpt-4o", new ApiKeyCredential("benchmark"), new OpenAIClientOptions { Endpoint = new Uri("http://localhost/v1"), Transport = Transport(body) });

    public static CreateResponse ResponsesRequest() => new() { Model = ResponsesModel.Gpt5Mini, Input = "hi" };

    public static CreateChatCompletionRequest ChatRequest() => new() { Model = ChatCompletionsModel.Gpt4o, Messages = [new ChatCompletionRequestUserMessage { Content = "hi" }] };

    private static HttpClientPipelineTransport Transport(byte[] body) => new(new HttpClient(new InMemoryHandler(body)));
}
