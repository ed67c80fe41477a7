using System;
using System.Globalization;
using System.Net.Sockets;

namespace Foundry.Generated.Emulator;

/// <summary>The emulator program's arguments and the one-line errors it prints.</summary>
internal static class EmulatorCommandLine
{
    /// <summary>The port the program listens on without <c>--port</c>.</summary>
    public const int DefaultPort = 5055;

    public const string Usage = """
        Usage: dotnet run --project tools/Foundry.Generated.Emulator -- [--port N] [--token TOKEN]

          --port <n>       port on 127.0.0.1 (default 5055; 0 picks a free one, printed in FOUNDRY_URL)
          --token <text>   the bearer token to accept (default: a random one, printed in FOUNDRY_TOKEN)
        SIGTERM or Ctrl+C (SIGINT) stops it.
        """;

    public static EmulatorOptions Parse(string[] args)
    {
        var options = new EmulatorOptions { Port = DefaultPort };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--port":
                    var text = Value();
                    options.Port = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
                        ? port
                        : throw new ArgumentException($"--port needs a number from 0 to 65535, not '{text}'.");
                    break;
                case "--token": options.Token = Value(); break;
                case "-h" or "--help": throw new ArgumentException(Usage);
                default: throw new ArgumentException($"Unknown argument {args[i]}.\n{Usage}");
            }
        }

        return options;
    }

    /// <summary>Why the port could not be bound, in one line naming it.</summary>
    public static string ListenError(int port, Exception exception)
    {
        var socket = FindSocketException(exception);
        var reason = socket?.SocketErrorCode == SocketError.AddressAlreadyInUse
            ? "the port is already in use (choose another with --port, or --port 0 for a free one)"
            : (socket ?? exception).Message;
        return $"error: cannot listen on 127.0.0.1:{port}: {reason}";
    }

    private static SocketException? FindSocketException(Exception? exception)
    {
        for (; exception != null; exception = exception.InnerException)
        {
            if (exception is SocketException socket)
            {
                return socket;
            }
        }

        return null;
    }
}
