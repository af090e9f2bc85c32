using System;
using System.Collections.Generic;
using System.Linq;

namespace Altostrat.Engine.RouterOs.Configuration;

/// <summary>Every approved change was accepted, yet the router read back afterwards still differs from the document in those places.</summary>
public sealed class ConfigurationNotConvergedException : Exception
{
    public ConfigurationNotConvergedException(string computerName, IReadOnlyList<ConfigurationChange> remaining)
        : base($"{computerName} accepted the changes but still differs from the document: {string.Join("; ", remaining.Take(5).Select(c => c.Script))}" +
               (remaining.Count > 5 ? $" and {remaining.Count - 5} more." : "."))
    {
        ComputerName = computerName;
        Remaining = remaining;
    }

    public string ComputerName { get; }

    public IReadOnlyList<ConfigurationChange> Remaining { get; }
}
