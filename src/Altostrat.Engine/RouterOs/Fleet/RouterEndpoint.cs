using System;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.RouterOs.Client;

namespace Altostrat.Engine.RouterOs.Fleet;

/// <summary>A router to work on: an address to connect to for this run only, or a session that stays open after it.</summary>
public sealed class RouterEndpoint
{
    private readonly RouterConnectionOptions? _options;
    private readonly string? _userName;
    private readonly string? _password;
    private readonly RouterConnection? _connection;

    private RouterEndpoint(string computerName, RouterConnectionOptions? options, string? userName, string? password, RouterConnection? connection)
    {
        ComputerName = computerName;
        _options = options;
        _userName = userName;
        _password = password;
        _connection = connection;
    }

    /// <param name="computerName">The name the user gave (such as <c>10.0.0.1:8730</c>), reported back in the outcome.</param>
    public static RouterEndpoint ForAddress(string computerName, RouterConnectionOptions options, string userName, string password) =>
        new(computerName, options, userName, password, null);

    public static RouterEndpoint ForConnection(string computerName, RouterConnection connection) =>
        new(computerName, null, null, null, connection ?? throw new ArgumentNullException(nameof(connection)));

    public string ComputerName { get; }

    /// <summary>
    /// Where a router by address is reached, spelled one way (<c>10.0.0.1:8728</c>, lower case), so that a router
    /// named twice in two spellings is recognised; null for a session.
    /// </summary>
    public string? Address
    {
        get
        {
            if (_options is null) return null;
            var host = System.Net.IPAddress.TryParse(_options.Host, out var ip) ? ip.ToString() : _options.Host.ToLowerInvariant();
            return $"{host}:{_options.EffectivePort}";
        }
    }

    /// <summary>True when the run opens (and must close) its own connection.</summary>
    public bool OwnsConnection => _connection is null;

    // Not an async method: it only hands on the connect's task, and one more state machine per router is one more
    // thing a fresh process compiles before its first router answers.
    public Task<RouterConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is null) return RouterConnection.ConnectAsync(_options!, _userName!, _password!, cancellationToken);
        if (!_connection.IsConnected)
            return Task.FromException<RouterConnection>(new RouterConnectionException(ComputerName,
                $"The session to {ComputerName} is closed ({_connection.CloseReason?.Message}); connect again with Connect-AltoRouter."));
        return Task.FromResult(_connection);
    }
}
