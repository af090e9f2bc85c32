using System;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>
/// Safe mode (RouterOS 7.18+) on one API session. After <c>/safe-mode/take</c> the router records every change the
/// session makes; <c>/safe-mode/release</c> keeps them, <c>/safe-mode/unroll</c> undoes them and stays connected, and
/// a session that ends without a release (closed, lost, or cut off by its own change) is rolled back by the router,
/// a moment after it notices the loss. Safe mode belongs to the session that took it: another session's take is
/// refused while it is held, and a hold left by a dead session lasts until the router drops that session.
/// </summary>
public sealed class RouterSafeMode
{
    private readonly RouterConnection _connection;

    private RouterSafeMode(RouterConnection connection) => _connection = connection;

    /// <summary>True from the take until a release or unroll is acknowledged.</summary>
    public bool IsHeld { get; private set; }

    /// <summary>Takes safe mode; a router that refuses (older RouterOS, held elsewhere) throws <see cref="SafeModeUnavailableException"/>.</summary>
    public static async Task<RouterSafeMode> TakeAsync(RouterConnection connection, CancellationToken cancellationToken)
    {
        if (connection is null) throw new ArgumentNullException(nameof(connection));
        try
        {
            await connection.ExecuteAsync(new RouterCommand("/safe-mode/take"), cancellationToken).ConfigureAwait(false);
        }
        catch (RouterTrapException trap)
        {
            throw new SafeModeUnavailableException(connection.Peer, trap.RouterMessage, trap);
        }
        return new RouterSafeMode(connection) { IsHeld = true };
    }

    /// <summary>Keeps the changes made since the take.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await _connection.ExecuteAsync(new RouterCommand("/safe-mode/release"), cancellationToken).ConfigureAwait(false);
        IsHeld = false;
    }

    /// <summary>Undoes the changes made since the take, at once, and leaves safe mode; the session stays usable.</summary>
    public async Task UnrollAsync(CancellationToken cancellationToken)
    {
        await _connection.ExecuteAsync(new RouterCommand("/safe-mode/unroll"), cancellationToken).ConfigureAwait(false);
        IsHeld = false;
    }
}
