using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Scripts;
using Altostrat.PowerShell.Validation;

namespace Altostrat.PowerShell.Cmdlets.Routers;

/// <summary>
/// Test-AltoRouterScript: checks a RouterOS script offline, with no connection: syntax problems with line and
/// column, and every command with its risk (Read, Change, Destructive) and the reason.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "AltoRouterScript", DefaultParameterSetName = ScriptSet)]
[OutputType(typeof(AltoScriptAnalysis))]
[OutputType(typeof(bool))]
public sealed class TestAltoRouterScriptCommand : PSCmdlet
{
    private const string ScriptSet = "Script";
    private const string PathSet = "Path";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ScriptSet)]
    [AllowEmptyString]
    public string Script { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = System.Array.Empty<string>();

    /// <summary>A label for the result; bound from the Id of piped scheduled scripts and the ResponseId of AI scripts.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Id", "ResponseId")]
    public string? Source { get; set; }

    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ScriptSet)
        {
            Emit(ScriptReview.Analyze(Script, Source));
            return;
        }
        foreach (var file in ResolveFiles())
            Emit(ScriptReview.Analyze(File.ReadAllText(file), file));
    }

    private IEnumerable<string> ResolveFiles()
    {
        foreach (var path in Path)
        {
            var files = InputFile.Resolve(this, path);
            // A wildcard that matches nothing is as missing as a file that does not exist.
            if (files.Count == 0 || (files.Count == 1 && !File.Exists(files[0]) && !Directory.Exists(files[0])))
            {
                var missing = InputFile.Problem(files.Count == 1 ? files[0] : path, "script file", "a .rsc file", ", or pass the script text with -Script", out _);
                WriteError(new ErrorRecord(new FileNotFoundException(missing), ErrorIds.Script.FileNotFound, ErrorCategory.ObjectNotFound, path));
                continue;
            }
            foreach (var file in files)
            {
                if (Directory.Exists(file))
                {
                    WriteError(new ErrorRecord(new IOException($"'{file}' is a folder. Give a script file, e.g. {System.IO.Path.Combine(file, "*.rsc")}."),
                        ErrorIds.Script.PathIsFolder, ErrorCategory.InvalidArgument, file));
                    continue;
                }
                yield return file;
            }
        }
    }

    private void Emit(AltoScriptAnalysis analysis)
    {
        WriteVerbose($"{analysis.Source ?? "script"}: {ScriptReview.Summary(analysis)}.");
        if (Quiet) WriteObject(analysis.IsValid);
        else WriteObject(analysis);
    }
}
