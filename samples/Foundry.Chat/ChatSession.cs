using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated;
using Foundry.Generated.OpenAi;

namespace Foundry.Chat;

/// <summary>
/// The sample's chat code: streams one answer through the typed Responses client, runs the local tools the model
/// calls and streams the answer that follows, and turns a Foundry failure into one error line. Kept out of Program.cs
/// so samples/Foundry.Chat.Tests can test it against a fake Foundry (Foundry.Generated.Testing).
/// </summary>
public sealed class ChatSession
{
    // A model that keeps calling tools is stopped rather than looped forever.
    private const int MaxToolRounds = 4;

    private readonly FoundryLlmClient _client;
    private readonly IReadOnlyDictionary<string, ChatTool> _tools;

    public ChatSession(FoundryLlmClient client, IEnumerable<ChatTool>? tools = null)
    {
        _client = client;
        var byName = new Dictionary<string, ChatTool>(StringComparer.Ordinal);
        foreach (var tool in tools ?? [])
        {
            byName.Add(tool.Name, tool);
        }

        _tools = byName;
    }

    public ResponsesModel Model { get; init; } = ResponsesModel.Gpt5Mini;

    /// <summary>Streams the answer to <paramref name="prompt"/> into <paramref name="output"/>; notes and errors go to
    /// <paramref name="log"/>. Returns the process exit code: 0, or 1 after a Foundry error.</summary>
    public async Task<int> AskAsync(string prompt, TextWriter output, TextWriter log, CancellationToken cancellationToken = default)
    {
        var input = new List<InputItem> { new EasyInputMessage { Role = EasyInputMessageRole.User, Content = prompt } };
        try
        {
            for (var round = 0; round <= MaxToolRounds; round++)
            {
                var calls = await StreamOnceAsync(input, output, log, cancellationToken);
                if (calls.Count == 0)
                {
                    return 0;
                }

                foreach (var call in calls)
                {
                    // The call goes back with its output: the proxy is stateless, so the model sees both.
                    input.Add((Item)call);
                    input.Add((Item)new FunctionCallOutputItemParam { CallId = call.CallId, Output = Run(call) });
                }
            }

            log.WriteLine($"error: the model still called tools after {MaxToolRounds} rounds");
            return 1;
        }
        catch (FoundryException e)
        {
            // One line that names the host, the status or the stream failure; never the token.
            output.WriteLine();
            log.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    private async Task<List<FunctionToolCall>> StreamOnceAsync(List<InputItem> input, TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        // The model is a typed id from the catalog: a model that does not work on Responses would not compile here.
        var request = new CreateResponse { Model = Model, Input = input, Tools = _tools.Count == 0 ? null : Declarations() };
        var calls = new List<FunctionToolCall>();
        await foreach (var e in _client.OpenAiResponses.StreamAsync(request, cancellationToken))
        {
            switch (e)
            {
                case ResponseTextDeltaEvent delta:
                    output.Write(delta.Delta);
                    break;
                case ResponseOutputItemDoneEvent { Item: FunctionToolCall call }:
                    calls.Add(call);
                    break;
                case ResponseCompletedEvent completed when calls.Count == 0:
                    output.WriteLine();
                    log.WriteLine($"[{request.Model}] {completed.Response.Usage?.OutputTokens} output tokens");
                    break;
            }
        }

        return calls;
    }

    private string Run(FunctionToolCall call)
        => _tools.TryGetValue(call.Name, out var tool) ? tool.Run(call.Arguments) : $"error: there is no tool named {call.Name}";

    private List<Tool> Declarations()
    {
        var declarations = new List<Tool>();
        foreach (var tool in _tools.Values)
        {
            declarations.Add(new FunctionTool { Name = tool.Name, Description = tool.Description, Parameters = tool.Parameters, Strict = false });
        }

        return declarations;
    }
}

/// <summary>A local function the model may call: its JSON Schema parameters, and what runs on its JSON arguments.</summary>
public sealed record ChatTool(string Name, string Description, JsonElement Parameters, Func<string, string> Run);
