#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The module as a whole: exports, help, table views, Tab completion, the package, against the built module and a local emulator of its own (see TestSession.Start.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'TestSession.Start.ps1') }
AfterAll { . (Join-Path $PSScriptRoot 'TestSession.Stop.ps1') }

Describe 'Module' {
    It 'exports the contract cmdlets' {
        $names = (Get-Command -Module Altostrat).Name
        foreach ($name in 'Connect-Altostrat', 'Disconnect-Altostrat', 'Get-AltoContext', 'Get-AltoScheduledScript', 'New-AltoScheduledScript',
            'Set-AltoScheduledScript', 'Approve-AltoScheduledScript', 'Stop-AltoScheduledScript', 'Get-AltoScheduledScriptProgress',
            'Wait-AltoScheduledScript', 'New-AltoAiScript', 'Get-AltoSite', 'Invoke-AltoRouterScript',
            'Connect-AltoRouter', 'Disconnect-AltoRouter', 'Get-AltoRouterSession', 'Invoke-AltoRouterCommand', 'Test-AltoRouterScript',
            'Get-AltoRouterConfiguration', 'Export-AltoRouterConfiguration', 'Compare-AltoRouterConfiguration', 'Set-AltoRouterConfiguration',
            'Get-AltoScriptTemplate', 'New-AltoScriptTemplate', 'Set-AltoScriptTemplate', 'Get-AltoCommunityScript', 'Publish-AltoCommunityScript',
            'Get-AltoSiteJob', 'Stop-AltoSiteJob', 'Wait-AltoSiteJob', 'Get-AltoBackup', 'Backup-AltoSite', 'Compare-AltoBackup') {
            $names | Should -Contain $name
        }
    }

    It 'has help with two examples for every cmdlet' {
        foreach ($command in Get-Command -Module Altostrat) {
            $help = Get-Help $command.Name -Full
            @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2 -Because "$($command.Name) needs examples"
        }
    }
}

Describe 'Table views' {
    It 'shows SDX site ids and times whole at 120 columns' {
        $seen = [DateTimeOffset]'2026-01-02T03:04:00Z'
        $site = [Altostrat.PowerShell.AltoSite]@{ SiteId = 'site_2Al5z3gXyY5f6Z7h8j9k0l1m'; Name = 'Branch 12 (Bloemfontein)'; Model = 'CCR2004-1G-12S+2XS'; SoftwareVersion = '7.16.2'; HasPulse = $true; LastSeenAt = $seen }
        $text = $site | Out-String -Width 120
        $text | Should -Match 'site_2Al5z3gXyY5f6Z7h8j9k0l1m'
        $text | Should -Match ([regex]::Escape($seen.LocalDateTime.ToString('yyyy-MM-dd HH:mm')))
        $text | Should -Not -Match ([char]0x2026) -Because 'no value is cut'
    }

    It 'shows a scheduled script whole at 120 columns, and its first columns without wrapped headers at 80' {
        $scheduled = New-AltoScheduledScript -Description 'Views' -Script '/system identity print' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001
        $wide = $scheduled | Out-String -Width 120
        $wide | Should -Match $scheduled.Id
        $wide | Should -Match ([regex]::Escape($scheduled.LaunchAt.LocalDateTime.ToString('yyyy-MM-dd HH:mm')))
        $wide | Should -Not -Match ([char]0x2026)
        # A label squeezed narrower than itself wraps onto more lines: header, dashes and one row are all there should be.
        $narrow = ($scheduled | Out-String -Width 80).Trim() -split '\r?\n'
        $narrow.Count | Should -Be 3
        $narrow[2] | Should -Match "^$($scheduled.Id) +Unauthorized"
        $scheduled | Stop-AltoScheduledScript -Confirm:$false
    }
}

Describe 'Tab completion' {
    It 'completes site ids and scheduled script ids from the connected API' {
        $scheduled = New-AltoScheduledScript -Description 'Completion target' -Script '/system identity print' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001
        try {
            $line = 'Get-AltoSite -Id site_emu000'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'site_emu0003'
            $line = "Approve-AltoScheduledScript -Id $($scheduled.Id.Substring(0, 6))"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $scheduled.Id
        }
        finally { $scheduled | Stop-AltoScheduledScript -Confirm:$false }
    }
}

# The Package task in a child pwsh (it builds and publishes with PowerShell's own Publish-PSResource), then the
# package as a user gets it: Install-PSResource from a local file repository and Import-Module by name, in child
# pwsh processes whose HOME is a temporary folder, so neither the repository registration nor the installed module
# touch the user's own.
Describe 'Package' {
    It 'makes a .nupkg that Install-PSResource installs from a local file repository and that imports by name' {
        Invoke-FreshPwsh -NoProfile -NonInteractive -File (Join-Path $script:RepositoryRoot 'build.ps1') -Task Package | Out-Null
        $LASTEXITCODE | Should -Be 0
        $manifestData = Import-PowerShellDataFile (Join-Path $script:RepositoryRoot 'Altostrat.psd1')
        $repository = Join-Path $script:RepositoryRoot 'out/repository'
        Join-Path $repository "Altostrat.$($manifestData.ModuleVersion).nupkg" | Should -Exist

        $home_ = Join-Path ([IO.Path]::GetTempPath()) "altostrat-pester-home-$(Get-Random)"
        New-Item -ItemType Directory -Path $home_ | Out-Null
        $saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; XDG_CONFIG_HOME = $env:XDG_CONFIG_HOME; PSModulePath = $env:PSModulePath }
        try {
            $env:HOME = $home_
            $env:XDG_DATA_HOME = $null
            $env:XDG_CONFIG_HOME = $null
            $env:PSModulePath = $null
            $installed = Invoke-FreshPwsh -NoProfile -NonInteractive -Command @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name AltostratPester -Uri '$repository' -Trusted
Install-PSResource -Name Altostrat -Repository AltostratPester -Scope CurrentUser -TrustRepository
(Get-InstalledPSResource -Name Altostrat).Version.ToString()
"@
            $LASTEXITCODE | Should -Be 0
            $installed | Select-Object -Last 1 | Should -Be $manifestData.ModuleVersion
            $imported = Invoke-FreshPwsh -NoProfile -NonInteractive -Command @"
`$ErrorActionPreference = 'Stop'
Import-Module Altostrat
`$module = Get-Module Altostrat
'{0}|{1}|{2}' -f `$module.Version, `$module.ModuleBase, @(Get-Command -Module Altostrat).Count
"@
            $LASTEXITCODE | Should -Be 0
            $version, $base, $count = ($imported | Select-Object -Last 1) -split '\|'
            $version | Should -Be $manifestData.ModuleVersion
            $base | Should -BeLike "$home_*" -Because 'the module was found by name in the installed location'
            [int]$count | Should -Be @($manifestData.CmdletsToExport).Count
        }
        finally {
            foreach ($name in $saved.Keys) { Set-Item "env:$name" -Value $saved[$name] }
            Remove-Item -Recurse -Force $home_ -ErrorAction SilentlyContinue
        }
    }
}
