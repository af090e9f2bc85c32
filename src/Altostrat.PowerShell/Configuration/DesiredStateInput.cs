using System;
using System.Collections;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Language;
using Altostrat.Engine.RouterOs.Configuration;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Validation;

namespace Altostrat.PowerShell.Configuration;

/// <summary>
/// -DesiredState as the user gives it: a hashtable (or the document Get-AltoRouterConfiguration -AsDesiredState
/// emits, or what ConvertFrom-Json gives), or the path of a .psd1 or .json file. Everything is checked here, before any router is contacted.
/// </summary>
internal static class DesiredStateInput
{
    /// <summary>The document, or an error record that says what is wrong and where.</summary>
    public static DesiredStateDocument? Read(PSCmdlet cmdlet, object? input, out ErrorRecord? error)
    {
        error = null;
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        try
        {
            switch (value)
            {
                case PSCustomObject:
                    return DesiredStateDocument.FromTree(PlainTree.From(input), "-DesiredState");
                case IDictionary table:
                    return DesiredStateDocument.FromTree(PlainTree.From(table), "-DesiredState");
                case string or FileInfo:
                    return ReadFile(cmdlet, value is FileInfo file ? file.FullName : (string)value, out error);
                default:
                    error = Invalid($"-DesiredState takes a hashtable (@{{ '/ip/dns' = @{{ servers = '9.9.9.9' }} }}) or the path of a .psd1 or .json file, not {(value is null ? "nothing" : value.GetType().Name)}.", input);
                    return null;
            }
        }
        catch (DesiredStateException ex)
        {
            error = Invalid(ex.Message, input);
            return null;
        }
    }

    private static DesiredStateDocument? ReadFile(PSCmdlet cmdlet, string path, out ErrorRecord? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            error = Invalid("-DesiredState is empty. Give a hashtable, or the path of a .psd1 or .json file.", path);
            return null;
        }
        var resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        if (InputFile.Problem(resolved, "desired-state file", "a .psd1 or .json file", ", or a hashtable", out var isFolder) is { } problem)
        {
            error = isFolder
                ? Invalid(problem, path)
                : new ErrorRecord(new FileNotFoundException(problem, resolved), ErrorIds.Configuration.FileNotFound, ErrorCategory.ObjectNotFound, path);
            return null;
        }
        var extension = Path.GetExtension(resolved).ToLowerInvariant();
        if (extension == ".json") return DesiredStateDocument.Parse(File.ReadAllText(resolved), resolved);
        if (extension != ".psd1")
        {
            error = Invalid($"'{resolved}' is neither a .psd1 nor a .json file: the desired state is read by its extension.", path);
            return null;
        }
        var ast = Parser.ParseFile(resolved, out _, out var parseErrors);
        if (parseErrors.Length > 0)
        {
            var first = parseErrors[0];
            error = Invalid($"{resolved}:{first.Extent.StartLineNumber}:{first.Extent.StartColumnNumber}: {first.Message}", path);
            return null;
        }
        // Statements outside the end block (begin { }, a param block) are more than one hashtable, as is an empty file,
        // and so is a list of hashtables, @( @{ ... } ), whose first one is not the document.
        if (ast.EndBlock is not { Statements.Count: 1 } || ast.BeginBlock is not null || ast.ProcessBlock is not null || ast.ParamBlock is not null
            || ast.EndBlock.Statements[0] is not PipelineAst { } statement || statement.GetPureExpression() is not HashtableAst table)
        {
            error = Invalid($"{resolved}: a desired-state .psd1 holds one hashtable, @{{ ... }}, and nothing else.", path);
            return null;
        }
        try
        {
            // The same rule as Import-PowerShellDataFile: constants only, nothing is run.
            table.SafeGetValue();
        }
        catch (InvalidOperationException ex)
        {
            error = Invalid($"{resolved}: {ex.Message} A .psd1 may hold only constant values.", path);
            return null;
        }
        return DesiredStateDocument.FromTree(PowerShellDataTree.From(table), resolved);
    }

    private static ErrorRecord Invalid(string message, object? target) =>
        ErrorRecords.InvalidArgument(ErrorIds.Configuration.InvalidDocument, $"The desired state is not usable, so nothing was sent: {message}", target);
}
