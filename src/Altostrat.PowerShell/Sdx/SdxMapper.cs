using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Altostrat.Engine.Backups;
using Altostrat.Engine.Contracts;
using Altostrat.PowerShell.Routers;

namespace Altostrat.PowerShell.Sdx;

/// <summary>From the wire shapes of templates, community scripts, site jobs and backups to the module's objects.</summary>
internal static class SdxMapper
{
    public const string SiteRowTypeName = "Altostrat.SiteRow";

    public static AltoScriptTemplate ToTemplate(TemplateDto dto) => new()
    {
        Id = dto.Id,
        Name = dto.Name,
        Description = dto.Description,
        Content = dto.Content,
        Metadata = ToHashtable(dto.MetadataValues()),
        Author = dto.Author,
        ReadOnly = dto.ReadOnly,
        CreatedAt = Local(dto.CreatedAt),
        UpdatedAt = Local(dto.UpdatedAt),
    };

    public static AltoCommunityScript ToCommunityScript(CommunityScriptDto dto) => new()
    {
        Id = dto.Id,
        Name = dto.Name,
        Description = dto.Description,
        Size = dto.Size,
        Content = dto.Content,
        GitHubUrl = Url(dto.GithubUrl),
        RawUrl = Url(dto.RawUrl),
        ReadmeUrl = Url(dto.ReadmeUrl),
        Sha = dto.Sha,
        Repository = dto.Repository?.Name,
        RepositoryUrl = Url(dto.Repository?.Url),
        Stars = dto.Repository?.Stars ?? 0,
        Author = dto.User?.Name,
        AuthorUrl = Url(dto.User?.Url),
        AuthorFollowers = dto.User?.Followers ?? 0,
    };

    public static AltoSiteJobStatus ToSiteJob(SiteJobDto dto, AltoSiteJobState? state = null) => new()
    {
        SiteId = dto.SiteId,
        JobId = dto.Id,
        IdempotencyKey = dto.IdempotencyKey,
        Description = dto.Description,
        State = state ?? ToState(dto.State),
        ExpressExecute = dto.ExpressExecute,
        NeedsAcknowledgement = dto.NeedsAcknowledgement,
        MakeBackup = dto.ShouldBackup,
        AssociatedBackup = dto.AssociatedBackup,
        CreatedAt = Local(dto.CreatedAt),
        StartedAt = Local(dto.StartedAt),
        CompletedAt = Local(dto.CompletedAt),
        FailedAt = Local(dto.FailedAt),
        LogUrl = Url(dto.LogUrl),
        Script = dto.Script,
    };

    public static AltoSiteJobState ToState(SiteJobState state) => state switch
    {
        SiteJobState.Pending => AltoSiteJobState.Pending,
        SiteJobState.Running => AltoSiteJobState.Running,
        SiteJobState.Completed => AltoSiteJobState.Completed,
        SiteJobState.Failed => AltoSiteJobState.Failed,
        _ => AltoSiteJobState.Cancelled,
    };

    public static AltoBackup ToBackup(string siteId, BackupDto dto) => new()
    {
        SiteId = siteId,
        Filename = dto.Filename,
        Size = dto.Size,
        CreatedAt = Local(dto.CreatedAt),
        Content = dto.Content,
    };

    public static AltoBackupDiffLine ToDiffLine(ExportDiffLine line, string reference, string difference) => new()
    {
        Indicator = line.Indicator.ToString(),
        LineNumber = line.LineNumber,
        Menu = line.Menu,
        Text = line.Text,
        Reference = reference,
        Difference = difference,
    };

    /// <summary>
    /// One reply row of a command run through SDX: SiteId, then the router's properties, <c>.id</c> as Id. A row that
    /// holds only the <c>!done</c>'s value (<c>ret</c>) names it Ret, as the direct path's object does.
    /// </summary>
    public static PSObject ToSiteRow(Dictionary<string, string> row, string siteId) =>
        row.Count == 1 && row.TryGetValue("ret", out var ret)
            ? RouterCommands.RowObject(SiteRowTypeName, "SiteId", siteId, new[] { new KeyValuePair<string, string>("Ret", ret) })
            : RouterCommands.RowObject(SiteRowTypeName, "SiteId", siteId, row);

    /// <summary>A Hashtable (or any dictionary) of PowerShell values as plain values for the engine's JSON writer.</summary>
    public static Dictionary<string, object?> ToPlain(IDictionary dictionary)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary) result[Convert.ToString(Unwrap(entry.Key), System.Globalization.CultureInfo.InvariantCulture) ?? ""] = PlainValue(entry.Value);
        return result;
    }

    private static object? PlainValue(object? value)
    {
        value = Unwrap(value);
        return value switch
        {
            null => null,
            string => value,
            IDictionary d => ToPlain(d),
            IEnumerable list => PlainList(list),
            _ => value,
        };
    }

    private static List<object?> PlainList(IEnumerable list)
    {
        var result = new List<object?>();
        foreach (var item in list) result.Add(PlainValue(item));
        return result;
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static Hashtable ToHashtable(Dictionary<string, object?> values)
    {
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in values) table[pair.Key] = FromPlain(pair.Value);
        return table;
    }

    private static object? FromPlain(object? value) => value switch
    {
        Dictionary<string, object?> d => ToHashtable(d),
        List<object?> list => list.ConvertAll(FromPlain).ToArray(),
        _ => value,
    };

    private static Uri? Url(string? text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;

    private static DateTimeOffset? Local(DateTimeOffset? value) => value?.ToLocalTime();
}
