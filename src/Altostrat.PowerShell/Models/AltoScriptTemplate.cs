using System;
using System.Collections;

namespace Altostrat.PowerShell;

/// <summary>
/// A script template. <see cref="Script"/> is its content under the name the script cmdlets bind by, so a template
/// pipes into New-AltoScheduledScript, Invoke-AltoRouterScript and Test-AltoRouterScript as the script.
/// </summary>
public sealed class AltoScriptTemplate
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Content { get; set; } = "";

    /// <summary>The content, as the script cmdlets take it from the pipeline.</summary>
    public string Script => Content;

    public Hashtable Metadata { get; set; } = new();

    /// <summary>Null for a global template.</summary>
    public string? Author { get; set; }

    public bool ReadOnly { get; set; }

    /// <summary>A global (public) template, the same for every account; read-only.</summary>
    public bool IsGlobal => Author is null;

    public AltoTemplateScope Scope => IsGlobal ? AltoTemplateScope.Public : AltoTemplateScope.Private;

    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    public override string ToString() => Id;
}

/// <summary>Which templates: the global ones, the account's own, or both.</summary>
public enum AltoTemplateScope
{
    All,
    Public,
    Private,
}
