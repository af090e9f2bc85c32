namespace Altostrat.PowerShell.Errors;

/// <summary>
/// Every ErrorRecord id the module writes, in one place: they are part of its contract (scripts match on them with
/// -ErrorId and FullyQualifiedErrorId), so each is written once and a rename shows up in one diff.
/// </summary>
internal static class ErrorIds
{
    /// <summary>Input and workflow errors of the SDX cmdlets.</summary>
    public static class Sdx
    {
        public const string SiteJobMissing = "Altostrat.SiteJobMissing";
        public const string InvalidReadmeUrl = "Altostrat.InvalidReadmeUrl";
        public const string InvalidGitHubUrl = "Altostrat.InvalidGitHubUrl";
        public const string InvalidDifferencePath = "Altostrat.InvalidDifferencePath";
        public const string InvalidOutFile = "Altostrat.InvalidOutFile";
        public const string BackupTimedOut = "Altostrat.BackupTimedOut";
        public const string NothingToChange = "Altostrat.NothingToChange";
        public const string TemplateTooLong = "Altostrat.TemplateTooLong";
        public const string TemplateFieldEmpty = "Altostrat.TemplateFieldEmpty";
        public const string InvalidTemplateFile = "Altostrat.InvalidTemplateFile";
        public const string BackupNotFound = "Altostrat.BackupNotFound";
        public const string CommandNotReadOnly = "AltostratSdx.CommandNotReadOnly";
        public const string SiteJobNotFound = "Altostrat.SiteJobNotFound";
        public const string SiteJobAlreadyStarted = "Altostrat.SiteJobAlreadyStarted";
        public const string TemplateReadOnly = "Altostrat.TemplateReadOnly";
        public const string ApprovalTimedOut = "Altostrat.ApprovalTimedOut";
        public const string EmptyScript = "Altostrat.EmptyScript";
        public const string InsecureApiUrl = "Altostrat.InsecureApiUrl";
        public const string InvalidApiUrl = "Altostrat.InvalidApiUrl";
        public const string InvalidNotifyUrl = "Altostrat.InvalidNotifyUrl";
        public const string InvalidPrompt = "Altostrat.InvalidPrompt";
        public const string LaunchAtInPast = "Altostrat.LaunchAtInPast";
        public const string NoSite = "Altostrat.NoSite";
        public const string NameNotFound = "Altostrat.NameNotFound";
        public const string NotConnected = "Altostrat.NotConnected";
        public const string ScheduledScriptCancelled = "Altostrat.ScheduledScriptCancelled";
        public const string ScheduledScriptNotEditable = "Altostrat.ScheduledScriptNotEditable";
        public const string ScheduledScriptNotFound = "Altostrat.ScheduledScriptNotFound";
        public const string SeveralScripts = "Altostrat.SeveralScripts";
        public const string TokenMissing = "Altostrat.TokenMissing";
        public const string UnexpectedError = "Altostrat.UnexpectedError";
        public const string WaitTimedOut = "Altostrat.WaitTimedOut";
    }

    /// <summary>Failures talking to the SDX API (the HTTP status names are added by ErrorRecords.FromApi).</summary>
    public static class Api
    {
        public const string Prefix = "AltostratApi.";
        public const string ConnectionFailed = "AltostratApi.ConnectionFailed";
        public const string InvalidResponse = "AltostratApi.InvalidResponse";
        public const string Timeout = "AltostratApi.Timeout";
    }

    /// <summary>Failures on routers and of the router cmdlets' input.</summary>
    public static class Router
    {
        public const string AuthenticationFailed = "AltostratRouter.AuthenticationFailed";
        public const string CommandFailed = "AltostratRouter.CommandFailed";
        public const string ConnectionFailed = "AltostratRouter.ConnectionFailed";
        public const string CredentialRequired = "AltostratRouter.CredentialRequired";
        public const string InvalidCommand = "AltostratRouter.InvalidCommand";
        public const string InvalidComputerName = "AltostratRouter.InvalidComputerName";
        public const string InvalidTlsParameters = "AltostratRouter.InvalidTlsParameters";
        public const string ProtocolError = "AltostratRouter.ProtocolError";
        public const string RolledBack = "AltostratRouter.RolledBack";
        public const string SessionClosed = "AltostratRouter.SessionClosed";
        public const string SafeModeUnavailable = "AltostratRouter.SafeModeUnavailable";
        public const string SessionNotFound = "AltostratRouter.SessionNotFound";
        public const string Timeout = "AltostratRouter.Timeout";
    }

    /// <summary>The script analyzer's verdicts and script files.</summary>
    public static class Script
    {
        public const string ConfirmationUnavailable = "AltostratScript.ConfirmationUnavailable";
        public const string FileNotFound = "AltostratScript.FileNotFound";
        public const string PathIsFolder = "AltostratScript.PathIsFolder";
        public const string AmbiguousPath = "AltostratScript.AmbiguousPath";
        public const string SyntaxError = "AltostratScript.SyntaxError";
    }

    /// <summary>Desired-state documents and the configuration cmdlets.</summary>
    public static class Configuration
    {
        public const string FileNotFound = "AltostratConfiguration.FileNotFound";
        public const string InvalidDocument = "AltostratConfiguration.InvalidDocument";
        public const string InvalidPath = "AltostratConfiguration.InvalidPath";
        public const string InvalidOutFile = "AltostratConfiguration.InvalidOutFile";
        public const string OneRouterPerFile = "AltostratConfiguration.OneRouterPerFile";
        public const string Failed = "AltostratConfiguration.Failed";
        public const string RolledBack = "AltostratConfiguration.RolledBack";
    }

    public static class Emulator
    {
        public const string NotInstalled = "AltostratEmulator.NotInstalled";
        public const string RuntimeMissing = "AltostratEmulator.RuntimeMissing";
        public const string Exited = "AltostratEmulator.Exited";
        public const string TimedOut = "AltostratEmulator.TimedOut";
        public const string PortInUse = "AltostratEmulator.PortInUse";
        public const string Ended = "AltostratEmulator.Ended";
        public const string InvalidDatabasePath = "AltostratEmulator.InvalidDatabasePath";
    }
}
