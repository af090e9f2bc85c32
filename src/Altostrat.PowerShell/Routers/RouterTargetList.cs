using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.RegularExpressions;
using Altostrat.Engine.RouterOs.Fleet;
using Altostrat.PowerShell.Errors;

namespace Altostrat.PowerShell.Routers;

/// <summary>
/// The routers of one invocation, gathered from -ComputerName (or piped names) and -Session: each name trimmed and
/// turned into an endpoint, a bad name a non-terminating error, a router listed twice kept once (the repeat stays in
/// the list so every input still gets a result), and the credential asked for once, only when a router by address
/// is really worked on (never under -WhatIf).
/// </summary>
internal sealed class RouterTargetList
{
    private readonly PSCmdlet _cmdlet;
    private readonly Func<RouterConnectionSettings> _settingsFactory;
    private readonly List<RouterTarget> _targets = new();
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _addresses = new(StringComparer.Ordinal);
    private RouterConnectionSettings? _settings;

    public RouterTargetList(PSCmdlet cmdlet, Func<RouterConnectionSettings> settingsFactory)
    {
        _cmdlet = cmdlet;
        _settingsFactory = settingsFactory;
    }

    /// <summary>The connection settings for routers by address, with the credential the user passed or typed.</summary>
    public static RouterTargetList ForComputers(PSCmdlet cmdlet, PSCredential credential, int port, bool useTls, bool skipCertificateCheck, string? certificateThumbprint) =>
        new(cmdlet, () => new RouterConnectionSettings(RouterCredential.Resolve(cmdlet, credential), port, useTls, skipCertificateCheck, certificateThumbprint));

    public IReadOnlyList<RouterTarget> Targets => _targets;

    public int Count => _targets.Count;

    // The form of an SDX site id. A host name never has '_' (RFC 1123), and a site piped into the Invoke cmdlets with
    // -Credential arrives as its id: refused here, before any prompt or connection, instead of failing to resolve.
    private static readonly Regex SiteId = new("^site_[A-Za-z0-9]+$", RegexOptions.CultureInvariant);

    /// <summary>Adds a router by address, if <paramref name="approve"/> (ShouldProcess, the risk gate) agrees.</summary>
    public void AddComputer(string computerName, Func<string, bool> approve)
    {
        var name = computerName.Trim();
        if (SiteId.IsMatch(name))
        {
            _cmdlet.WriteError(ErrorRecords.InvalidArgument(ErrorIds.Router.InvalidComputerName, ErrorRecords.SiteIsNoRouter(name), name));
            return;
        }
        if (!approve(name)) return;
        Add(name, () => (_settings ??= _settingsFactory()).EndpointFor(name));
    }

    /// <summary>Adds a router through an open session, if <paramref name="approve"/> agrees with its description.</summary>
    public void AddSession(AltoRouterSession session, Func<string, bool> approve)
    {
        if (!approve($"{session.ComputerName} (session {session.Id})")) return;
        Add(session.ComputerName, () => RouterEndpoint.ForConnection(session.ComputerName, session.Connection));
    }

    // A router is the same one when its address is, however it was written (10.0.0.1 and 10.0.0.1:8728); a name the
    // DNS would have to resolve is compared as written, as resolving every name first would delay the whole run.
    private void Add(string name, Func<RouterEndpoint> endpoint)
    {
        if (_seen.Contains(name))
        {
            _targets.Add(new RouterTarget(name, null));
            return;
        }
        RouterEndpoint made;
        try
        {
            made = endpoint();
        }
        catch (ArgumentException ex)
        {
            _cmdlet.WriteError(ErrorRecords.InvalidArgument(ErrorIds.Router.InvalidComputerName, ex.Message, name));
            return;
        }
        _seen.Add(name);
        _targets.Add(new RouterTarget(name, made.Address is { } address && !_addresses.Add(address) ? null : made));
    }
}
