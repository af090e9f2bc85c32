using System.Collections.Generic;

namespace Altostrat.Engine.Contracts;

/// <summary>Which sites of a scheduled script are completed, failed or still pending.</summary>
public sealed class ScriptProgressDto
{
    public List<string> Completed { get; set; } = new();
    public List<string> Failed { get; set; } = new();
    public List<string> Pending { get; set; } = new();
}
