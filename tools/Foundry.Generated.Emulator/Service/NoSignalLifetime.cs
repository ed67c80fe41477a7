using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Foundry.Generated.Emulator;

/// <summary>
/// The embedded host's lifetime: it takes no SIGINT/SIGTERM. The default console lifetime cancels those signals and
/// only asks the host to stop, which nothing awaits here, so a process hosting the emulator (a test, the chat sample,
/// the emulator program) ignored SIGTERM and kept serving. Whoever owns the process decides how to stop.
/// </summary>
internal sealed class NoSignalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
