using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

/// <summary>
/// A non-interactive host that keeps what is written to it (what -WhatIf prints goes to the host). Prompts are
/// answered "no": a test that reaches a confirmation prompt sees nothing run, as a user who said no. With
/// ALTOSTRAT_TESTHOST_NONINTERACTIVE=1 a prompt fails instead, as in pwsh -NonInteractive or a runbook. A credential
/// prompt is answered from ALTOSTRAT_TESTHOST_CREDENTIAL, or fails when it is not set.
/// </summary>
internal sealed class RecordingHost : PSHost
{
    public static readonly List<string> HostLines = new();
    private readonly RecordingUi _ui = new();

    public override string Name => "Altostrat.TestHost";
    public override Version Version => new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
    public override void SetShouldExit(int exitCode) { }

    private sealed class RecordingUi : PSHostUserInterface
    {
        private string _line = "";

        public override PSHostRawUserInterface? RawUI => null;
        public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) =>
            throw new PSInvalidOperationException("The test host cannot prompt: " + message);
        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice)
        {
            lock (HostLines) HostLines.Add("PROMPT: " + caption + " | " + message);
            // As pwsh -NonInteractive does: no one is there to answer.
            if (Environment.GetEnvironmentVariable("ALTOSTRAT_TESTHOST_NONINTERACTIVE") == "1")
                throw new PSInvalidOperationException("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.");
            // The "No" answer where there is one, else the last choice.
            for (var i = 0; i < choices.Count; i++)
                if (choices[i].Label.Replace("&", "").Equals("No", StringComparison.OrdinalIgnoreCase)) return i;
            return choices.Count - 1;
        }
        // Answered with ALTOSTRAT_TESTHOST_CREDENTIAL ("user:password"), as a user typing them; without it there is
        // no one to answer, as in a runbook. Each prompt is logged, so a test can count them.
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName)
        {
            lock (HostLines) HostLines.Add("CREDENTIAL PROMPT: " + caption + " | " + message);
            var typed = Environment.GetEnvironmentVariable("ALTOSTRAT_TESTHOST_CREDENTIAL");
            if (typed is null || Environment.GetEnvironmentVariable("ALTOSTRAT_TESTHOST_NONINTERACTIVE") == "1")
                throw new PSInvalidOperationException("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.");
            var separator = typed.IndexOf(':');
            var password = new SecureString();
            foreach (var c in typed.Substring(separator + 1)) password.AppendChar(c);
            return new PSCredential(typed.Substring(0, separator), password);
        }
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            PromptForCredential(caption, message, userName, targetName);
        public override string ReadLine() => "";
        public override SecureString ReadLineAsSecureString() => new();
        public override void Write(string value) => _line += value;
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => _line += value;
        public override void WriteLine(string value) { lock (HostLines) HostLines.Add(_line + value); _line = ""; }
        public override void WriteDebugLine(string message) { }
        public override void WriteErrorLine(string value) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) { }
    }
}
