namespace Altostrat.Engine.RouterOs.Configuration;

public enum ChangeStatus
{
    Applied,

    /// <summary>The router answered with a trap, or the connection was lost while it ran.</summary>
    Failed,

    /// <summary>Not sent: an earlier phase failed in a way that made it unsafe or impossible (see ConfigurationExecutor).</summary>
    NotRun,
}
