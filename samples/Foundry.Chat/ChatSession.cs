using Foundry.Generated;
using Foundry.Generated.OpenAi;

namespace Foundry.Chat;

/// <summary>Streams one answer through the typed Responses client; a Foundry failure is one error line. Kept out of
/// Program.cs so samples/Foundry.Chat.Tests can test it against a fake Foundry (Foundry.Generated.Testing).</summary>
public sealed class ChatSession(FoundryLlmClient client)
{
    // A typed id from the model catalog: a model that does not serve the Responses route would not compile.
    public ResponsesModel Model { get; init; } = ResponsesModel.Gpt5Mini;

    /// <summary>Writes the answer to <paramref name="output"/>, notes and errors to <paramref name="log"/>; returns the exit code.</summary>
    public async Task<int> AskAsync(string prompt, TextWriter output, TextWriter log, CancellationToken cancellationToken = default)
    {
        var request = new CreateResponse { Model = Model, Input = prompt };
        try
        {
            await foreach (var e in client.OpenAiResponses.StreamAsync(request, cancellationToken))
            {
                if (e is ResponseTextDeltaEvent delta)
                {
                    output.Write(delta.Delta);
                }
                else if (e is ResponseCompletedEvent completed)
                {
                    output.WriteLine();
                    log.WriteLine($"[{request.Model}] {completed.Response.Usage?.OutputTokens} output tokens");
                }
            }

            return 0;
        }
        catch (FoundryException e)
        {
            // One line naming the host, the status or the stream failure; never the token.
            output.WriteLine();
            log.WriteLine("error: " + e.Message);
            return 1;
        }
    }
}
