using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Foundry.Generated;
using Foundry.Generated.Emulator;

namespace Foundry.Generated.Cli.Chat;

/// <summary>The chat command (`foundry-llm chat`), with its inputs and outputs passed in so tests can drive it.</summary>
public static class ChatApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;
    public const int Cancelled = 130;

    /// <summary>Streams one answer; <paramref name="options"/> come from <see cref="ChatCommandLine"/>.</summary>
    internal static async Task<int> RunAsync(ChatOptions options, TextWriter output, TextWriter error, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        FoundryModelInfo model;
        string route;
        try
        {
            (model, route) = RouteChoice.Resolve(options.Model, options.Route);
        }
        catch (ArgumentException e)
        {
            error.WriteLine("error: " + e.Message);
            return BadArguments;
        }

        FoundryProxyEmulator? emulator = null;
        try
        {
            var clientOptions = new FoundryClientOptions();
            var url = environment(FoundryClientOptions.UrlVariable);
            if (string.IsNullOrWhiteSpace(url))
            {
                emulator = await FoundryProxyEmulator.StartAsync(cancellationToken: cancellationToken);
                clientOptions.BaseUrl = emulator.BaseUrl;
                clientOptions.Token = emulator.Token;
                error.WriteLine($"FOUNDRY_URL is not set: streaming from the embedded Foundry proxy emulator at {emulator.BaseUrl}");
            }
            else
            {
                clientOptions.BaseUrl = new Uri(url);
                clientOptions.Token = environment(FoundryClientOptions.TokenVariable);
            }

            using var client = new FoundryLlmClient(clientOptions);
            return await StreamAsync(client, model, route, options, output, error, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.WriteLine();
            error.WriteLine("cancelled");
            return Cancelled;
        }
        catch (FoundryApiException e)
        {
            error.WriteLine($"error: {(int)e.StatusCode} {e.ErrorName ?? e.StatusCode.ToString()}: {e.Message}");
            return Failed;
        }
        catch (FoundryException e)
        {
            error.WriteLine("error: " + e.Message);
            return Failed;
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine("error: " + e.Message);
            return Failed;
        }
        finally
        {
            if (emulator != null)
            {
                await emulator.DisposeAsync();
            }
        }
    }

    private static async Task<int> StreamAsync(FoundryLlmClient client, FoundryModelInfo model, string route, ChatOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? firstToken = null;
        var pieces = 0;
        await foreach (var piece in ChatStreams.StreamAsync(client, model, route, options, cancellationToken))
        {
            if (options.Json)
            {
                output.WriteLine(piece.Json);
            }
            else if (piece.Text.Length > 0)
            {
                output.Write(piece.Text);
                output.Flush();
            }

            if (piece.Text.Length > 0)
            {
                firstToken ??= clock.Elapsed;
                pieces++;
            }
        }

        if (!options.Json)
        {
            output.WriteLine();
        }

        var total = clock.Elapsed;
        var streaming = total - (firstToken ?? total);
        var rate = streaming.TotalSeconds > 0 ? pieces / streaming.TotalSeconds : 0;
        error.WriteLine($"[{model.Id} via {RouteChoice.ShortName(route)}] first token {firstToken?.TotalMilliseconds ?? 0:0} ms, {pieces} text deltas, {rate:0.0} deltas/s, total {total.TotalMilliseconds:0} ms");
        return Ok;
    }
}
