using System;
using System.Management.Automation;
using System.Security;
using Altostrat.Engine.Http;
using Altostrat.PowerShell.Errors;
using Altostrat.PowerShell.Sdx;

namespace Altostrat.PowerShell.Cmdlets.Session;

/// <summary>Connect-Altostrat: sets the API URL and token that every other cmdlet uses. Sends no request.</summary>
[Cmdlet(VerbsCommunications.Connect, "Altostrat")]
[OutputType(typeof(AltoContext))]
public sealed class ConnectAltostratCommand : PSCmdlet
{
    /// <summary>From the pipeline too: Get-Secret AltostratToken | Connect-Altostrat.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    public SecureString? Token { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Uri? ApiUrl { get; set; }

    [Parameter]
    [ValidateRange(1, 3600)]
    [PSDefaultValue(Value = 100)]
    public int RequestTimeoutSeconds { get; set; } = 100;

    [Parameter]
    [ValidateRange(0, 10)]
    [PSDefaultValue(Value = 4)]
    public int MaximumRetryCount { get; set; } = 4;

    [Parameter]
    public SwitchParameter SkipCertificateCheck { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        string token;
        string tokenSource;
        if (Token is not null)
        {
            token = SecureStrings.ToPlainText(Token);
            tokenSource = "Parameter";
        }
        else if (MyInvocation.ExpectingInput)
        {
            // Input was piped and none of it bound as the token: connecting with the environment's token instead would
            // hide the mistake behind a session the user did not ask for.
            ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Sdx.TokenMissing,
                "Nothing piped in was a token: pipe a SecureString (Get-Secret AltostratToken | Connect-Altostrat, or Read-Host -AsSecureString), or pass -Token.", null));
            return;
        }
        else
        {
            token = Environment.GetEnvironmentVariable(ConnectionManager.TokenVariable) ?? "";
            tokenSource = "Environment";
        }
        if (token.Length == 0)
            ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Sdx.TokenMissing,
                $"No token was given. Pass -Token (a SecureString, e.g. from Get-Secret or Read-Host -AsSecureString) or set the {ConnectionManager.TokenVariable} environment variable.", null));

        Uri apiUrl;
        try
        {
            apiUrl = ApiUrl ?? ConnectionManager.ApiUrlFromEnvironment() ?? AltoApiOptions.DefaultApiUrl;
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument(ErrorIds.Sdx.InvalidApiUrl, ex.Message, null));
            return;
        }
        if (ConnectionManager.TokenUrlProblem(apiUrl, out var insecure) is { } problem)
            ThrowTerminatingError(ErrorRecords.InvalidArgument(insecure ? ErrorIds.Sdx.InsecureApiUrl : ErrorIds.Sdx.InvalidApiUrl, problem, apiUrl));
        if (SkipCertificateCheck)
            WriteWarning("TLS certificate validation is off for this connection: anyone between you and the API could read the token.");

        var options = new AltoApiOptions
        {
            ApiUrl = apiUrl,
            Token = token,
            RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds),
            Retry = new RetryPolicy { MaxRetries = MaximumRetryCount },
            SkipCertificateCheck = SkipCertificateCheck,
        };
        var connection = ConnectionManager.Connect(options, tokenSource);
        WriteVerbose($"Connected to {apiUrl} (token from {tokenSource.ToLowerInvariant()}).");
        if (PassThru) WriteObject(ContextFactory.From(connection));
    }
}
