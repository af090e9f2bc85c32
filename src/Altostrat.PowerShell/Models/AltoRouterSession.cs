using System;
using Altostrat.Engine.RouterOs.Client;

namespace Altostrat.PowerShell;

/// <summary>An open API session with one router, reusable by Invoke-AltoRouterCommand and Invoke-AltoRouterScript.</summary>
public sealed class AltoRouterSession
{
    // Typed as object so that no public member of this class exposes an engine type (the engine loads in isolation).
    private readonly object _connection;

    internal AltoRouterSession(int id, string computerName, RouterConnection connection)
    {
        Id = id;
        ComputerName = computerName;
        _connection = connection;
        Port = connection.Port;
        UseTls = connection.IsTls;
        UserName = connection.UserName;
        ConnectedAt = DateTime.Now;
    }

    public int Id { get; }
    public string ComputerName { get; }
    public int Port { get; }
    public bool UseTls { get; }
    public string UserName { get; }
    public DateTime ConnectedAt { get; }

    /// <summary>False once the router closed the session, the connection was lost, or Disconnect-AltoRouter ran.</summary>
    public bool IsConnected => Connection.IsConnected;

    internal RouterConnection Connection => (RouterConnection)_connection;

    public override string ToString() => $"{Id}: {ComputerName}";
}
