@{
    RootModule             = 'Altostrat.PowerShell.dll'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Core', 'Desktop')
    GUID                   = '5b0f3c2e-8a51-4f0e-9a44-2f7c1d6e9b13'
    Author                 = 'Altostrat PowerShell module contributors'
    CompanyName            = 'Community'
    Copyright              = '(c) Altostrat PowerShell module contributors. MIT License.'
    Description            = 'Drive MikroTik RouterOS fleets from PowerShell: schedule, authorize and follow RouterOS scripts through the Altostrat SDX API, queue jobs on sites, and generate scripts from a prompt. A local emulator of the API with simulated routers comes with the module (Start-AltoEmulator, on the ASP.NET Core Runtime 10), so everything can be tried without an account or a router.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('Altostrat.format.ps1xml')
    CmdletsToExport        = @(
        'Connect-Altostrat'
        'Disconnect-Altostrat'
        'Get-AltoContext'
        'Start-AltoEmulator'
        'Stop-AltoEmulator'
        'Get-AltoScheduledScript'
        'New-AltoScheduledScript'
        'Set-AltoScheduledScript'
        'Approve-AltoScheduledScript'
        'Stop-AltoScheduledScript'
        'Get-AltoScheduledScriptProgress'
        'Wait-AltoScheduledScript'
        'New-AltoAiScript'
        'Get-AltoSite'
        'Invoke-AltoRouterScript'
        'Connect-AltoRouter'
        'Disconnect-AltoRouter'
        'Get-AltoRouterSession'
        'Invoke-AltoRouterCommand'
        'Test-AltoRouterScript'
        'Get-AltoRouterConfiguration'
        'Export-AltoRouterConfiguration'
        'Compare-AltoRouterConfiguration'
        'Set-AltoRouterConfiguration'
        'Get-AltoScriptTemplate'
        'New-AltoScriptTemplate'
        'Set-AltoScriptTemplate'
        'Get-AltoCommunityScript'
        'Publish-AltoCommunityScript'
        'Get-AltoSiteJob'
        'Stop-AltoSiteJob'
        'Wait-AltoSiteJob'
        'Get-AltoBackup'
        'Backup-AltoSite'
        'Compare-AltoBackup'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('MikroTik', 'RouterOS', 'Altostrat', 'SDX', 'Network', 'Automation', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/altostrat-community/Altostrat.PowerShell'
            LicenseUri   = 'https://github.com/altostrat-community/Altostrat.PowerShell/blob/main/LICENSE'
            ReleaseNotes = 'First release: SDX session, scheduled scripts with the authorization workflow and per-site progress, AI script generation, asynchronous site jobs, and a local emulator of the SDX API. Direct RouterOS API execution on many routers at once. Offline script analysis (Test-AltoRouterScript): syntax diagnostics and risk per command, with destructive scripts confirmed before they are scheduled or run.'
        }
    }
}
