using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using Altostrat.Engine.Http;
using Altostrat.PowerShell.Sdx;

namespace Altostrat.PowerShell.Completion;

/// <summary>
/// Fetches completion candidates from the API within a short deadline: a slow or unreachable API must not freeze
/// the prompt, so completion then offers nothing rather than waiting.
/// </summary>
internal static class CompletionSource
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    public delegate Task Fetch(AltoApiClient client, Action<string, string> add, CancellationToken token);

    public static readonly Fetch ScheduledScripts = (client, add, token) => client.ListScheduledScriptsAsync(s => add(s.Id, s.Description), token);

    /// <summary>The scripts waiting for approval, for Approve-AltoScheduledScript.</summary>
    public static readonly Fetch UnauthorizedScheduledScripts = (client, add, token) => client.ListScheduledScriptsAsync(s =>
    {
        if (string.Equals(s.Status, "unauthorized", StringComparison.OrdinalIgnoreCase)) add(s.Id, s.Description);
    }, token);

    /// <summary>The scripts that can still be changed or cancelled: neither launched nor cancelled.</summary>
    public static readonly Fetch PendingScheduledScripts = (client, add, token) => client.ListScheduledScriptsAsync(s =>
    {
        if (!string.Equals(s.Status, "launched", StringComparison.OrdinalIgnoreCase) && !string.Equals(s.Status, "cancelled", StringComparison.OrdinalIgnoreCase))
            add(s.Id, s.Description);
    }, token);

    /// <summary>Site names for -Name, which is a wildcard pattern: a name with [ * ? is escaped so that it matches itself. The id as tooltip.</summary>
    public static readonly Fetch SiteNames = (client, add, token) =>
        client.ListSitesAsync(s => { if (!string.IsNullOrEmpty(s.Name)) add(WildcardPattern.Escape(s.Name!), s.Id); }, token);

    public static readonly Fetch Sites = (client, add, token) => client.ListSitesAsync(s => add(s.Id, s.Name ?? s.Id), token);

    /// <summary>What was typed so far, without the quote it may have been opened with: every completer matches on this.</summary>
    public static string Typed(string? wordToComplete) => (wordToComplete ?? "").Trim('\'', '"');

    public static IEnumerable<CompletionResult> Complete(string wordToComplete, Fetch fetch)
    {
        var word = Typed(wordToComplete);
        var candidates = new List<(string Id, string Label)>();
        try
        {
            var client = ConnectionManager.ClientOrNull();
            if (client is null) return Array.Empty<CompletionResult>();
            using var deadline = new CancellationTokenSource(Deadline);
            var gate = new object();
            var task = Task.Run(() => fetch(client, (id, label) =>
            {
                if (id.StartsWith(word, StringComparison.OrdinalIgnoreCase) || label.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                    lock (gate) candidates.Add((id, label));
            }, deadline.Token));
            if (!task.Wait(Deadline)) return Array.Empty<CompletionResult>();
        }
        catch (Exception)
        {
            // Completion is best effort: any failure simply offers nothing.
            return Array.Empty<CompletionResult>();
        }
        var results = new List<CompletionResult>(candidates.Count);
        foreach (var (id, label) in candidates)
            results.Add(new CompletionResult(Quoted(id), id, CompletionResultType.ParameterValue, string.IsNullOrEmpty(label) ? id : label));
        return results;
    }

    /// <summary>
    /// A value as a completion writes it: anything but a plain word (a name with spaces, quotes, operators, or a leading
    /// dash, which would read as a parameter) in single quotes, so that it is one argument as typed. Every completer
    /// that offers names uses it.
    /// </summary>
    public static string Quoted(string value)
    {
        var plain = value.Length > 0 && value[0] != '-';
        foreach (var c in value)
            plain &= char.IsLetterOrDigit(c) || c is '_' or '.' or ':' or '/' or '-' or '+';
        return plain ? value : "'" + CodeGeneration.EscapeSingleQuotedStringContent(value) + "'";
    }
}
