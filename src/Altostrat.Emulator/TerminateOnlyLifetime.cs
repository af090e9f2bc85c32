using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace Altostrat.Emulator;

/// <summary>
/// The host's lifetime when PowerShell owns the emulator: SIGTERM (Stop-AltoEmulator, a container stop) stops it, but
/// not SIGINT, which the terminal sends to the whole foreground group when the user presses Ctrl+C at a cmdlet.
/// </summary>
internal sealed class TerminateOnlyLifetime : IHostLifetime, IDisposable
{
    private readonly IHostApplicationLifetime _lifetime;
    private PosixSignalRegistration? _terminate;

    public TerminateOnlyLifetime(IHostApplicationLifetime lifetime)
    {
        _lifetime = lifetime;
    }

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            _lifetime.StopApplication();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _terminate?.Dispose();
}
