using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Foundry.Generated.Cli.Tests;

/// <summary>The emulator program behaves like a service: a free port on request, a clear error for a taken one, and
/// a prompt stop on SIGTERM without a terminal.</summary>
public sealed class EmulatorProgramTests
{
    private const int SigTerm = 15;
    private static readonly TimeSpan StartUp = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task With_port_0_it_prints_the_port_it_got_answers_there_and_stops_on_SIGTERM()
    {
        using var emulator = EmulatorProcess.Start("--port", "0");
        var (url, token) = await emulator.ReadAddressAsync(StartUp);

        Assert.Equal("127.0.0.1", url.Host);
        Assert.NotEqual(0, url.Port);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, "api/v2/llm/proxy/openai/v1/responses"))
        {
            Content = new StringContent("""{"model":"gpt-5-mini","input":"Tell me a 3 word story"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        emulator.Signal(SigTerm);

        // The issue asks for a stop within a second; the bound is generous for a loaded machine.
        Assert.True(await emulator.ExitsWithinAsync(TimeSpan.FromSeconds(5)), "the emulator kept running after SIGTERM");
        Assert.Equal(0, emulator.ExitCode);
        Assert.Equal(string.Empty, await emulator.ReadErrorAsync());
    }

    [Fact]
    public async Task A_taken_port_is_one_line_naming_it_and_a_non_zero_exit()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        using var emulator = EmulatorProcess.Start("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(await emulator.ExitsWithinAsync(StartUp), "the emulator did not give up on a taken port");
        Assert.Equal(1, emulator.ExitCode);
        var error = await emulator.ReadErrorAsync();
        Assert.Equal($"error: cannot listen on 127.0.0.1:{port}: the port is already in use (choose another with --port, or --port 0 for a free one)", error.TrimEnd());
    }
}
