#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The module as a whole: exports, help, table views, Tab completion, the package, against the built module and a local emulator of its own (see TestSession.Start.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'TestSession.Start.ps1') }
AfterAll { . (Join-Path $PSScriptRoot 'TestSession.Stop.ps1') }

Describe 'Module' {
    It 'exports the contract cmdlets' {
        $names = (Get-Command -Module Altostrat).Name
        foreach ($name in 'Connect-Altostrat', 'Disconnect-Altostrat', 'Get-AltoContext', 'Start-AltoEmulator', 'Stop-AltoEmulator', 'Get-AltoScheduledScript', 'New-AltoScheduledScript',
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

    # The SYNTAX of a compiled help file is what the help says, not what the code has: each parameter set of
    # Get-Command must be there, with the same parameters in the same order and the same brackets (mandatory or not,
    # positional or not, switch or value). Types are left out: Get-Command writes accelerators (string), help .NET names.
    It 'has a help syntax that lists the parameter sets and parameters of Get-Command for every cmdlet' {
        foreach ($command in Get-Command -Module Altostrat -CommandType Cmdlet) {
            $help = Get-Help $command.Name -Full
            $fromHelp = @(foreach ($item in @($help.syntax.syntaxItem | Where-Object { $_ })) {
                $parameters = foreach ($parameter in @($item.parameter | Where-Object { $_ })) {
                    $name = if ($parameter.position -ne 'named') { "[-$($parameter.name)]" } else { "-$($parameter.name)" }
                    if ($parameter.parameterValue) { $name += ' <>' }
                    if ($parameter.required -eq 'true') { $name } else { "[$name]" }
                }
                (@($parameters) + '[<CommonParameters>]') -join ' '
            })
            $fromCommand = @($command.ParameterSets | ForEach-Object { $_.ToString() -replace '<[^>]+>', '<>' -replace '\[<>\]$', '[<CommonParameters>]' })
            $fromHelp.Count | Should -BeGreaterThan 0 -Because "Get-Help $($command.Name) needs a SYNTAX"
            ($fromHelp | Sort-Object) -join "`n" | Should -BeExactly (($fromCommand | Sort-Object) -join "`n") -Because "the help syntax of $($command.Name) is the command's"
        }
    }

    It 'has related links on every help page, each a command of the module or an about topic' {
        $names = (Get-Command -Module Altostrat).Name
        foreach ($command in Get-Command -Module Altostrat -CommandType Cmdlet) {
            $links = @((Get-Help $command.Name -Full).relatedLinks.navigationLink | ForEach-Object linkText | Where-Object { $_ })
            $links.Count | Should -BeGreaterThan 0 -Because "$($command.Name) needs related links"
            foreach ($link in $links) {
                ($names -contains $link -or (Get-Help $link -Category HelpFile -ErrorAction Ignore)) | Should -BeTrue -Because "$($command.Name) links to $link"
            }
        }
    }

    # INPUTS and OUTPUTS are written by hand: at least the types the code declares must be there, every one of them.
    It 'lists under INPUTS every type a parameter takes by value, and under OUTPUTS every [OutputType]' {
        foreach ($command in Get-Command -Module Altostrat -CommandType Cmdlet) {
            $help = Get-Help $command.Name -Full
            $inputs = @($help.inputTypes.inputType | ForEach-Object { $_.type.name })
            $outputs = @($help.returnValues.returnValue | ForEach-Object { $_.type.name })
            $byValue = $command.Parameters.Values | Where-Object { $_.ParameterSets.Values.ValueFromPipeline -contains $true }
            foreach ($parameter in $byValue) {
                $type = $parameter.ParameterType
                if ($type.IsArray) { $type = $type.GetElementType() }
                $inputs | Should -Contain $type.FullName -Because "$($command.Name) -$($parameter.Name) takes it from the pipeline"
            }
            foreach ($output in $command.OutputType | Where-Object { $_.Type -ne [void] }) {
                $outputs | Should -Contain $output.Name -Because "$($command.Name) declares [OutputType($($output.Name))]"
            }
        }
    }

    It 'gives in help the default value a parameter starts with, and every parameter that starts with one declares it' {
        $checked = 0
        foreach ($command in Get-Command -Module Altostrat -CommandType Cmdlet) {
            $fresh = [Activator]::CreateInstance($command.ImplementingType)
            foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Name -notin [System.Management.Automation.Cmdlet]::CommonParameters -and $_.Name -notin [System.Management.Automation.Cmdlet]::OptionalCommonParameters }) {
                $property = $command.ImplementingType.GetProperty($parameter.Name)
                $declared = $property.GetCustomAttributes([System.Management.Automation.PSDefaultValueAttribute], $true) | Select-Object -First 1
                $start = $property.GetValue($fresh)
                $type = $property.PropertyType
                $empty = $null -eq $start -or ($start -is [string] -and $start -eq '') -or ($start -is [array] -and $start.Count -eq 0) -or
                    $start -is [System.Management.Automation.SwitchParameter] -or $start -eq [System.Management.Automation.PSCredential]::Empty -or
                    ($type.IsValueType -and $start -eq [Activator]::CreateInstance($type))
                if (-not $empty) { $declared | Should -Not -BeNullOrEmpty -Because "$($command.Name) -$($parameter.Name) starts as $start" }
                if ($null -eq $declared) { continue }
                $checked++
                if ($null -ne $declared.Value) { "$($declared.Value)" | Should -Be "$start" -Because "$($command.Name) -$($parameter.Name) starts as $start" }
                # A described default begins with the starting value, unless the start is a type's zero that means "not given" (-Port 0).
                elseif (-not $empty) { $declared.Help | Should -BeLike "$start*" -Because "$($command.Name) -$($parameter.Name) starts as $start" }
                $shown = (Get-Help $command.Name -Parameter $parameter.Name).defaultValue
                $shown | Should -Be $(if ($null -ne $declared.Help) { $declared.Help } else { "$($declared.Value)" })
            }
        }
        $checked | Should -BeGreaterThan 20
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

    It 'shows a scheduled script whole at 120 columns, and at 80 everything but the id, without wrapped headers' {
        $scheduled = New-AltoScheduledScript -Description 'Views' -Script '/system identity print' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001
        $wide = $scheduled | Out-String -Width 120
        $wide | Should -Match $scheduled.Id
        $wide | Should -Match ([regex]::Escape($scheduled.LaunchAt.LocalDateTime.ToString('yyyy-MM-dd HH:mm')))
        $wide | Should -Not -Match ([char]0x2026)
        # A label squeezed narrower than itself wraps onto more lines: header, dashes and one row are all there should be.
        $narrow = ($scheduled | Out-String -Width 80).Trim() -split '\r?\n'
        $narrow.Count | Should -Be 3
        $narrow | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $narrow[0] | Should -Match '^Description +Status +LaunchAt +Sites +Done +Failed'
        $narrow[2] | Should -Match '^Views +Unauthorized +\d{4}-\d\d-\d\d \d\d:\d\d +1 +0 +0'
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

    It 'offers Stop, Set and Approve only the scripts that can still change, and Get all of them' {
        $cancelled = New-AltoScheduledScript -Description 'Completion cancelled' -Script '/system identity print' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001
        $cancelled | Stop-AltoScheduledScript -Confirm:$false
        $line = "Stop-AltoScheduledScript -Id $($cancelled.Id.Substring(0, 8))"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Not -Contain $cancelled.Id
        $line = "Get-AltoScheduledScript -Id $($cancelled.Id.Substring(0, 8))"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $cancelled.Id
    }

    It 'completes site names for Get-AltoSite -Name, quoted where they need it' {
        $site = Get-AltoSite | Select-Object -First 1
        $line = "Get-AltoSite -Name $($site.Name.Substring(0, 3))"
        $offered = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $expected = if ($site.Name -match '\s') { "'$($site.Name)'" } else { $site.Name }
        $offered | Should -Contain $expected
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
# The emulator that comes in the package: it runs from the installed folder, and its sites answer.
`$emulator = Start-AltoEmulator -SiteCount 2
`$sites = @(Get-AltoSite).Count
Stop-AltoEmulator
'{0}|{1}|{2}|{3}|{4}' -f `$module.Version, `$module.ModuleBase, @(Get-Command -Module Altostrat).Count, `$sites, `$emulator.Running
"@
            $LASTEXITCODE | Should -Be 0
            $version, $base, $count, $sites, $running = ($imported | Select-Object -Last 1) -split '\|'
            [int]$sites | Should -Be 2 -Because 'the installed package carries the emulator'
            $running | Should -Be 'False'
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
