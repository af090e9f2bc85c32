#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Runs the built module against the local emulator. build.ps1 -Task Pester sets the two environment variables;
# by hand: build first, then set ALTOSTRAT_MODULE_MANIFEST and ALTOSTRAT_EMULATOR_DLL.

BeforeAll {
    $manifest = $env:ALTOSTRAT_MODULE_MANIFEST
    $emulatorDll = $env:ALTOSTRAT_EMULATOR_DLL
    if (-not $manifest -or -not (Test-Path $manifest)) { throw 'Set ALTOSTRAT_MODULE_MANIFEST to the built Altostrat.psd1 (./build.ps1 -Task Pester does).' }
    if (-not $emulatorDll -or -not (Test-Path $emulatorDll)) { throw 'Set ALTOSTRAT_EMULATOR_DLL to the built Altostrat.Emulator.dll (./build.ps1 -Task Pester does).' }

    $script:Token = 'pester-SECRET-token-8c1f'
    $script:EmulatorLog = New-TemporaryFile
    $script:Emulator = Start-Process dotnet -PassThru -NoNewWindow -RedirectStandardOutput $script:EmulatorLog -ArgumentList @(
        $emulatorDll, '--port', '0', '--token', $script:Token, '--auto-approve-seconds', '0.5', '--site-run-seconds', '1', '--fail-site', 'site_emu0002')
    $deadline = (Get-Date).AddSeconds(30)
    while (-not (Select-String -Path $script:EmulatorLog -Pattern '^ApiUrl: ' -Quiet)) {
        if ($script:Emulator.HasExited -or (Get-Date) -gt $deadline) { throw "The emulator did not start: $(Get-Content $script:EmulatorLog -Raw)" }
        Start-Sleep -Milliseconds 200
    }
    $script:ApiUrl = (Select-String -Path $script:EmulatorLog -Pattern '^ApiUrl: (.+)$').Matches[0].Groups[1].Value.Trim()

    Import-Module $manifest -Force
    $script:SecureToken = ConvertTo-SecureString $script:Token -AsPlainText -Force
    Connect-Altostrat -ApiUrl $script:ApiUrl -Token $script:SecureToken

    function script:Get-ScriptCount { @(Get-AltoScheduledScript).Count }
}

AfterAll {
    Disconnect-Altostrat
    Remove-Module Altostrat -ErrorAction SilentlyContinue
    if ($script:Emulator -and -not $script:Emulator.HasExited) { Stop-Process -Id $script:Emulator.Id }
    Remove-Item $script:EmulatorLog -ErrorAction SilentlyContinue
}

Describe 'Module' {
    It 'exports the contract cmdlets' {
        $names = (Get-Command -Module Altostrat).Name
        foreach ($name in 'Connect-Altostrat', 'Disconnect-Altostrat', 'Get-AltoContext', 'Get-AltoScheduledScript', 'New-AltoScheduledScript',
            'Set-AltoScheduledScript', 'Approve-AltoScheduledScript', 'Stop-AltoScheduledScript', 'Get-AltoScheduledScriptProgress',
            'Wait-AltoScheduledScript', 'New-AltoAiScript', 'Get-AltoSite', 'Invoke-AltoRouterScript') {
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

Describe 'Connect-Altostrat and Get-AltoContext' {
    It 'shows the URL and that a token is set, never the token' {
        $context = Get-AltoContext
        $context.Connected | Should -BeTrue
        $context.ApiUrl | Should -Be $script:ApiUrl
        $context.TokenSet | Should -BeTrue
        ($context | Out-String) | Should -Not -Match $script:Token
    }

    It 'refuses plain http to a remote host before sending anything' {
        { Connect-Altostrat -ApiUrl http://sdx.example.com/ -Token $script:SecureToken -ErrorAction Stop } |
            Should -Throw -ErrorId 'Altostrat.InsecureApiUrl,Altostrat.PowerShell.Cmdlets.Session.ConnectAltostratCommand'
        (Get-AltoContext).ApiUrl | Should -Be $script:ApiUrl
    }
}

Describe 'Scheduled scripts' {
    It 'makes ONE schedule for all piped sites' {
        $before = Get-ScriptCount
        $created = Get-AltoSite | New-AltoScheduledScript -Description 'Pester all sites' -Script '/system identity print' -LaunchAt (Get-Date).AddHours(1)
        @($created).Count | Should -Be 1
        $created.SiteId.Count | Should -Be @(Get-AltoSite).Count
        $created.Status | Should -Be 'Unauthorized'
        Get-ScriptCount | Should -Be ($before + 1)
    }

    It 'binds -Script from New-AltoAiScript output' {
        $created = New-AltoAiScript -Prompt 'set identity to pester-01' |
            New-AltoScheduledScript -Description 'Pester AI' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001
        $created.Script | Should -Match 'pester-01'
    }

    It 'sends nothing with -WhatIf' {
        $before = Get-ScriptCount
        New-AltoScheduledScript -Description 'Pester WhatIf' -Script '/x' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001 -WhatIf | Should -BeNullOrEmpty
        Get-ScriptCount | Should -Be $before
    }

    It 'refuses <Case> with <ErrorId> before any request' -ForEach @(
        @{ Case = 'an empty script'; ErrorId = 'Altostrat.EmptyScript'; Command = { New-AltoScheduledScript -Description x -Script '' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001 -ErrorAction Stop } }
        @{ Case = 'a past launch time'; ErrorId = 'Altostrat.LaunchAtInPast'; Command = { New-AltoScheduledScript -Description x -Script '/x' -LaunchAt (Get-Date).AddMinutes(-5) -SiteId site_emu0001 -ErrorAction Stop } }
        @{ Case = 'no site'; ErrorId = 'Altostrat.NoSite'; Command = { New-AltoScheduledScript -Description x -Script '/x' -LaunchAt (Get-Date).AddHours(1) -SiteId @() -ErrorAction Stop } }
    ) {
        $before = Get-ScriptCount
        $Command | Should -Throw -ErrorId "$ErrorId,Altostrat.PowerShell.Cmdlets.ScheduledScripts.NewAltoScheduledScriptCommand"
        Get-ScriptCount | Should -Be $before
    }

    It 'warns that Set resets authorization and changes only what is given' {
        $created = New-AltoScheduledScript -Description 'Pester set' -Script '/system identity print' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001
        $updated = $created | Set-AltoScheduledScript -Description 'Pester set 2' -WarningVariable warnings -WarningAction SilentlyContinue
        $updated.Description | Should -Be 'Pester set 2'
        $updated.Script | Should -Be $created.Script
        $warnings | Should -Match 'authorization'
    }

    It 'approves, launches and reports each site' {
        $created = New-AltoScheduledScript -Description 'Pester run' -Script '/system identity print' -LaunchAt (Get-Date).AddSeconds(3) -SiteId site_emu0001, site_emu0002
        $approved = $created | Approve-AltoScheduledScript -Wait -Timeout 30 -PollIntervalSeconds 0.2
        $approved.Status | Should -BeIn 'Scheduled', 'Launched'
        $results = $created | Wait-AltoScheduledScript -Timeout 60 -PollIntervalSeconds 0.2
        ($results | Where-Object SiteId -eq site_emu0001).State | Should -Be 'Completed'
        ($results | Where-Object SiteId -eq site_emu0002).State | Should -Be 'Failed'
        (Get-AltoScheduledScriptProgress -Id $created.Id | Where-Object State -eq Failed).SiteId | Should -Be 'site_emu0002'
    }

    It 'asks before cancelling by default and cancels with -Confirm:$false' {
        $created = New-AltoScheduledScript -Description 'Pester stop' -Script '/x' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001
        (Get-Command Stop-AltoScheduledScript).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
        ($created | Stop-AltoScheduledScript -Confirm:$false -PassThru).Status | Should -Be 'Cancelled'
    }
}

Describe 'New-AltoAiScript' {
    It 'warns about a destructive script' {
        $result = New-AltoAiScript -Prompt 'block tcp port 23' -WarningVariable warnings -WarningAction SilentlyContinue
        $result.Destructive | Should -BeTrue
        $warnings | Should -Not -BeNullOrEmpty
    }

    It 'refuses a prompt over 200 characters before sending it' {
        { New-AltoAiScript -Prompt ('a' * 201) -ErrorAction Stop } | Should -Throw -ErrorId 'Altostrat.InvalidPrompt,Altostrat.PowerShell.Cmdlets.Ai.NewAltoAiScriptCommand'
    }
}

Describe 'Invoke-AltoRouterScript' {
    It 'emits one job per site and a non-terminating error for the site that fails' {
        $jobs = Invoke-AltoRouterScript -SiteId site_emu0001, site_nope, site_emu0003 -Script '/system identity print' -Description 'Pester job' -ErrorVariable failures -ErrorAction SilentlyContinue
        ($jobs.SiteId | Sort-Object) | Should -Be @('site_emu0001', 'site_emu0003')
        $failures.Count | Should -Be 1
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'site_nope'
    }

    It 'takes sites from Get-AltoSite' {
        $jobs = Get-AltoSite | Invoke-AltoRouterScript -Script '/system identity print' -Description 'Pester all'
        @($jobs).Count | Should -Be @(Get-AltoSite).Count
        $jobs | ForEach-Object { $_.IdempotencyKey | Should -Not -BeNullOrEmpty }
    }
}

Describe 'Secret hygiene' {
    It 'never writes the token to any stream' {
        $all = & {
            Connect-Altostrat -ApiUrl $script:ApiUrl -Token $script:SecureToken -Verbose -PassThru
            Get-AltoSite -Verbose -Debug
            Get-AltoScheduledScript -Id nope -Verbose
            Connect-Altostrat -ApiUrl $script:ApiUrl -Token (ConvertTo-SecureString 'wrong' -AsPlainText -Force)
            try { Get-AltoSite -Verbose } catch { $_ | Out-String }
        } *>&1 | Out-String
        Connect-Altostrat -ApiUrl $script:ApiUrl -Token $script:SecureToken
        $all | Should -Not -Match $script:Token
        $all | Should -Match 'AltostratApi.Unauthorized|401'
    }
}
