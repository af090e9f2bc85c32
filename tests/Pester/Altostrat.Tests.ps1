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
        $emulatorDll, '--port', '0', '--token', $script:Token, '--auto-approve-seconds', '0.5', '--site-run-seconds', '1', '--fail-site', 'site_emu0002',
        '--router-base-port', '0')
    $deadline = (Get-Date).AddSeconds(30)
    # The banner ends with the connect hint, after the API URL and the list of simulated routers.
    while (-not (Select-String -Path $script:EmulatorLog -Pattern '^Connect from PowerShell' -Quiet)) {
        if ($script:Emulator.HasExited -or (Get-Date) -gt $deadline) { throw "The emulator did not start: $(Get-Content $script:EmulatorLog -Raw)" }
        Start-Sleep -Milliseconds 200
    }
    $script:ApiUrl = (Select-String -Path $script:EmulatorLog -Pattern '^ApiUrl: (.+)$').Matches[0].Groups[1].Value.Trim()
    # Each site's simulated router: "  site_emu0001 127.0.0.1:40123".
    $script:Routers = [ordered]@{}
    foreach ($match in (Select-String -Path $script:EmulatorLog -Pattern '^\s+(site_emu\d+) (127\.0\.0\.1:\d+)\s*$').Matches) {
        $script:Routers[$match.Groups[1].Value] = $match.Groups[2].Value
    }
    if ($script:Routers.Count -lt 5) { throw "The emulator listed no simulated routers: $(Get-Content $script:EmulatorLog -Raw)" }
    $script:RouterCredential = [pscredential]::new('admin', [securestring]::new())

    Import-Module $manifest -Force
    $script:SecureToken = ConvertTo-SecureString $script:Token -AsPlainText -Force
    Connect-Altostrat -ApiUrl $script:ApiUrl -Token $script:SecureToken

    function script:Get-ScriptCount { @(Get-AltoScheduledScript).Count }
}

AfterAll {
    Disconnect-Altostrat
    Get-AltoRouterSession -ErrorAction SilentlyContinue | Disconnect-AltoRouter -Confirm:$false
    Remove-Module Altostrat -ErrorAction SilentlyContinue
    if ($script:Emulator -and -not $script:Emulator.HasExited) { Stop-Process -Id $script:Emulator.Id }
    Remove-Item $script:EmulatorLog -ErrorAction SilentlyContinue
}

Describe 'Module' {
    It 'exports the contract cmdlets' {
        $names = (Get-Command -Module Altostrat).Name
        foreach ($name in 'Connect-Altostrat', 'Disconnect-Altostrat', 'Get-AltoContext', 'Get-AltoScheduledScript', 'New-AltoScheduledScript',
            'Set-AltoScheduledScript', 'Approve-AltoScheduledScript', 'Stop-AltoScheduledScript', 'Get-AltoScheduledScriptProgress',
            'Wait-AltoScheduledScript', 'New-AltoAiScript', 'Get-AltoSite', 'Invoke-AltoRouterScript',
            'Connect-AltoRouter', 'Disconnect-AltoRouter', 'Get-AltoRouterSession', 'Invoke-AltoRouterCommand', 'Test-AltoRouterScript') {
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
    It 'warns about a destructive script and keeps both verdicts' {
        $result = New-AltoAiScript -Prompt 'block tcp port 23' -WarningVariable warnings -WarningAction SilentlyContinue
        $result.Destructive | Should -BeTrue
        $result.DestructiveByService | Should -BeTrue
        $result.DestructiveByAnalyzer | Should -BeTrue
        $result.Analysis.RiskyCommands[0].Line | Should -Be 1
        "$warnings" | Should -Match 'input chain'
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

Describe 'Connect-AltoRouter, Get-AltoRouterSession and Disconnect-AltoRouter' {
    It 'opens a session that is listed until it is disconnected' {
        $session = Connect-AltoRouter -ComputerName $script:Routers['site_emu0001'] -Credential $script:RouterCredential
        $session.IsConnected | Should -BeTrue
        $session.ComputerName | Should -Be $script:Routers['site_emu0001']
        (Get-AltoRouterSession -Id $session.Id).Id | Should -Be $session.Id
        $closed = $session | Disconnect-AltoRouter -PassThru
        $closed.IsConnected | Should -BeFalse
        Get-AltoRouterSession -Id $session.Id -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'AltostratRouter.SessionNotFound*'
    }

    It 'reports a refused login as an authentication error without the password' {
        $wrong = [pscredential]::new('admin', (ConvertTo-SecureString 'Not-The-Pa55word' -AsPlainText -Force))
        Connect-AltoRouter -ComputerName $script:Routers['site_emu0001'] -Credential $wrong -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'AltostratRouter.AuthenticationFailed*'
        $failed[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        ($failed | Out-String) | Should -Not -Match 'Not-The-Pa55word'
    }

    It 'refuses TLS options without -UseTls before connecting' {
        { Connect-AltoRouter -ComputerName $script:Routers['site_emu0001'] -Credential $script:RouterCredential -SkipCertificateCheck -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratRouter.InvalidTlsParameters*'
    }
}

Describe 'Invoke-AltoRouterCommand' {
    It 'streams rows with ComputerName and Id, filtered by query and property list' {
        $rows = Invoke-AltoRouterCommand -ComputerName $script:Routers['site_emu0001'] -Credential $script:RouterCredential -Command '/interface print' -Query 'type=ether' -Property '.id', 'name'
        $rows.Count | Should -Be 3
        $rows.name | Should -Be @('ether1', 'ether2', 'ether3')
        $rows | ForEach-Object { $_.Id | Should -Match '^\*[0-9A-F]+$'; $_.ComputerName | Should -Be $script:Routers['site_emu0001'] }
    }

    It 'takes sessions from the pipeline and returns the id of an added item' {
        $session = Connect-AltoRouter -ComputerName $script:Routers['site_emu0003'] -Credential $script:RouterCredential
        try {
            $added = $session | Invoke-AltoRouterCommand -Command /ip/address/add -Parameter @{ address = '10.66.0.1/24'; interface = 'ether2' }
            $added.Ret | Should -Match '^\*'
            Invoke-AltoRouterCommand -Session $session -Command /ip/address/print -Query "?.id=$($added.Ret)" | ForEach-Object address | Should -Be '10.66.0.1/24'
        }
        finally { $session | Disconnect-AltoRouter }
    }

    It 'turns a trap into an error with the router message, one router at a time' {
        $rows = $script:Routers['site_emu0001'], $script:Routers['site_emu0004'] |
            Invoke-AltoRouterCommand -Credential $script:RouterCredential -Command /ip/adress/print -ErrorAction SilentlyContinue -ErrorVariable trapped
        $rows | Should -BeNullOrEmpty
        $trapped.Count | Should -Be 2
        $trapped[0].FullyQualifiedErrorId | Should -BeLike 'AltostratRouter.CommandFailed*'
        $trapped[0].Exception.RouterMessage | Should -Be 'no such command or directory (adress)'
        $trapped[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'changes nothing with -WhatIf' {
        Invoke-AltoRouterCommand -ComputerName $script:Routers['site_emu0005'] -Credential $script:RouterCredential -Command '/system identity set' -Parameter @{ name = 'whatif' } -WhatIf
        (Invoke-AltoRouterCommand -ComputerName $script:Routers['site_emu0005'] -Credential $script:RouterCredential -Command /system/identity/print).name | Should -Not -Be 'whatif'
    }
}

Describe 'Invoke-AltoRouterScript on routers directly' {
    It 'runs on every piped router, one result each, and the failed one can be retried' {
        $targets = $script:Routers.Values | ForEach-Object { [pscustomobject]@{ Address = $_ } }
        $results = $targets | Invoke-AltoRouterScript -Credential $script:RouterCredential -Script '/ip address add address=10.99.0.1/24 interface=ether3' -MakeBackup -Force -ErrorAction SilentlyContinue -ErrorVariable failures
        $results.Count | Should -Be 5
        @($results | Where-Object Status -eq Succeeded).Count | Should -Be 4
        $failed = @($results | Where-Object Status -eq Failed)
        $failed.ComputerName | Should -Be $script:Routers['site_emu0002']
        $failed.Error | Should -Match 'simulated script error'
        $results | ForEach-Object { $_.BackupName | Should -BeLike 'altostrat-*' }
        $failures.Count | Should -Be 1

        $retried = $failed | Invoke-AltoRouterScript -Credential $script:RouterCredential -Script ':log info retry' -ErrorAction SilentlyContinue
        @($retried).Count | Should -Be 1
        $retried.ComputerName | Should -Be $script:Routers['site_emu0002']
    }

    It 'lists what would run where with -WhatIf and runs nothing' {
        $output = Invoke-AltoRouterScript -ComputerName $script:Routers['site_emu0001'], $script:Routers['site_emu0003'] -Credential $script:RouterCredential -Script '/system identity set name=never' -WhatIf 6>&1
        ($output | Where-Object { $_ -is [Altostrat.PowerShell.AltoRouterScriptResult] }) | Should -BeNullOrEmpty
        (Invoke-AltoRouterCommand -ComputerName $script:Routers['site_emu0001'] -Credential $script:RouterCredential -Command /system/identity/print).name | Should -Not -Be 'never'
    }

    It 'runs through sessions from the pipeline' {
        $sessions = $script:Routers['site_emu0004'], $script:Routers['site_emu0005'] | Connect-AltoRouter -Credential $script:RouterCredential
        try {
            $results = $sessions | Invoke-AltoRouterScript -Script ':log info "from a session"'
            $results.Status | Should -Be @('Succeeded', 'Succeeded')
            $sessions.IsConnected | Should -Be @($true, $true)
        }
        finally { $sessions | Disconnect-AltoRouter }
    }

    It 'takes piped names without -Credential, refuses them with what to pass, and needs none for -WhatIf' {
        $router = $script:Routers['site_emu0001']
        { [pscustomobject]@{ Address = $router } | Invoke-AltoRouterScript -Script ':log info x' -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratRouter.CredentialRequired*'
        { $router | Invoke-AltoRouterCommand -Command /system/identity/print -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratRouter.CredentialRequired*'
        $router | Invoke-AltoRouterScript -Script ':log info x' -WhatIf | Should -BeNullOrEmpty
    }

    It 'refuses an empty script before connecting' {
        { Invoke-AltoRouterScript -ComputerName $script:Routers['site_emu0001'] -Credential $script:RouterCredential -Script ' ' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Altostrat.EmptyScript*'
    }
}

Describe 'Test-AltoRouterScript' {
    It 'names the risky lines and the reasons, destructive first' {
        $analysis = Test-AltoRouterScript -Script "/ip address print`n/ip dns set servers=9.9.9.9`n/system reboot"
        $analysis.IsValid | Should -BeTrue
        $analysis.IsDestructive | Should -BeTrue
        $analysis.MaxRisk | Should -Be 'Destructive'
        $analysis.RiskyCommands.Line | Should -Be @(3, 2)
        $analysis.RiskyCommands[0].Reason | Should -Match 'reboots the router'
        $analysis.Commands[0].Risk | Should -Be 'Read'
        $analysis.MaxRisk -ge [Altostrat.PowerShell.ScriptRisk]::Change | Should -BeTrue
    }

    It 'reports syntax errors with line and column, and -Quiet answers validity only' {
        $analysis = Test-AltoRouterScript -Script ":put 1`n:put (2"
        $analysis.IsValid | Should -BeFalse
        $analysis.Diagnostics[0].Line | Should -Be 2
        $analysis.Diagnostics[0].Column | Should -Be 6
        $analysis.Diagnostics[0].Severity | Should -Be 'Error'
        ':put (2' | Test-AltoRouterScript -Quiet | Should -BeFalse
        ':put 2' | Test-AltoRouterScript -Quiet | Should -BeTrue
    }

    It 'takes files from Get-ChildItem and scripts from AI and scheduled script objects' {
        Set-Content -Path (Join-Path $TestDrive 'a.rsc') -Value '/interface disable ether1'
        Set-Content -Path (Join-Path $TestDrive 'b.rsc') -Value '/system identity print'
        $files = Get-ChildItem $TestDrive -Filter *.rsc | Sort-Object Name | Test-AltoRouterScript
        $files.Source | Should -Be @((Join-Path $TestDrive 'a.rsc'), (Join-Path $TestDrive 'b.rsc'))
        $files.IsDestructive | Should -Be @($true, $false)

        $ai = New-AltoAiScript -Prompt 'set identity to pester-02' | Test-AltoRouterScript
        $ai.MaxRisk | Should -Be 'Change'
        $ai.Source | Should -BeLike 'cmpl-emu-*'

        $created = New-AltoScheduledScript -Description 'Pester analysis' -Script '/system identity print' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001
        $checked = Get-AltoScheduledScript -Id $created.Id | Test-AltoRouterScript
        $checked.Source | Should -Be $created.Id
        $checked.MaxRisk | Should -Be 'Read'
    }

    It 'shows the risky lines in its default view' {
        $text = Test-AltoRouterScript -Script "/ip address print`n/system reboot" | Out-String
        $text | Should -Match 'RiskyCommands'
        $text | Should -Match 'Destructive\s+line 2\s+/system reboot'
    }

    It 'says which file is missing' {
        { Test-AltoRouterScript -Path (Join-Path $TestDrive 'missing.rsc') -ErrorAction Stop } | Should -Throw -ErrorId 'AltostratScript.FileNotFound*'
    }
}

Describe 'Confirmation of destructive scripts' {
    BeforeAll {
        $script:Target = $script:Routers['site_emu0005']
        # ForEach-Object, not .address: on an array, .Address is the array's own Address() method, not the rows' property.
        function script:Get-Addresses { Invoke-AltoRouterCommand -ComputerName $script:Target -Credential $script:RouterCredential -Command /ip/address/print | ForEach-Object address }
    }

    # The suite runs in pwsh -NonInteractive: the confirmation cannot be asked, and the command fails with an error
    # that says so, which is how these tests see that it would have asked.
    It 'asks under the default $ConfirmPreference and runs nothing without an answer' {
        $ConfirmPreference | Should -Be 'High'
        { Invoke-AltoRouterScript -ComputerName $script:Target -Credential $script:RouterCredential -Script '/ip address add address=10.77.0.1/24 interface=ether3' -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratScript.ConfirmationUnavailable*'
        Get-Addresses | Should -Not -Contain '10.77.0.1/24'
    }

    It 'does not ask for a harmless script' {
        (Invoke-AltoRouterScript -ComputerName $script:Target -Credential $script:RouterCredential -Script '/ip dns set servers=9.9.9.9').Status | Should -Be 'Succeeded'
    }

    It 'runs it with <Case>' -ForEach @(
        @{ Case = '-Force'; Address = '10.77.1.1/24' }
        @{ Case = '-Confirm:$false'; Address = '10.77.2.1/24' }
        @{ Case = "`$ConfirmPreference = 'None'"; Address = '10.77.3.1/24' }
    ) {
        $parameters = @{ ComputerName = $script:Target; Credential = $script:RouterCredential; Script = "/ip address add address=$Address interface=ether3" }
        switch ($Case) {
            '-Force' { $parameters.Force = $true }
            '-Confirm:$false' { $parameters.Confirm = $false }
            default { $ConfirmPreference = 'None' }
        }
        (Invoke-AltoRouterScript @parameters).Status | Should -Be 'Succeeded'
        Get-Addresses | Should -Contain $Address
    }

    It 'runs nothing with -WhatIf' {
        Invoke-AltoRouterScript -ComputerName $script:Target -Credential $script:RouterCredential -Script '/ip address add address=10.77.4.1/24 interface=ether3' -WhatIf | Should -BeNullOrEmpty
        Get-Addresses | Should -Not -Contain '10.77.4.1/24'
    }

    It 'asks before scheduling a destructive script on SDX, and -Force schedules it' {
        $before = Get-ScriptCount
        { New-AltoScheduledScript -Description 'Pester reboot' -Script '/system reboot' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001 -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratScript.ConfirmationUnavailable*'
        Get-ScriptCount | Should -Be $before
        (New-AltoScheduledScript -Description 'Pester reboot' -Script '/system reboot' -LaunchAt (Get-Date).AddHours(1) -SiteId site_emu0001 -Force).Description | Should -Be 'Pester reboot'
    }

    It 'refuses a script with syntax errors unless -Force' {
        { Invoke-AltoRouterScript -SiteId site_emu0001 -Script ':put (1' -Description 'Pester bad' -ErrorAction Stop } | Should -Throw -ErrorId 'AltostratScript.SyntaxError*'
        $job = Invoke-AltoRouterScript -SiteId site_emu0001 -Script ':put (1' -Description 'Pester bad' -Force -WarningVariable warned -WarningAction SilentlyContinue
        $job.SiteId | Should -Be 'site_emu0001'
        "$warned" | Should -Match 'syntax error'
    }
}

# The Package task in a child pwsh (it builds and publishes), then the package as a user gets it: saved from a local
# file repository into a temporary folder (never the user's module path) and imported in a fresh pwsh.
Describe 'Package' {
    It 'makes a .nupkg that PSResourceGet takes from a local file repository and that imports' -Skip:(-not (Get-Command Save-PSResource -ErrorAction SilentlyContinue)) {
        $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
        & pwsh -NoProfile -NonInteractive -File (Join-Path $root 'build.ps1') -Task Package | Out-Null
        $LASTEXITCODE | Should -Be 0
        $version = (Import-PowerShellDataFile (Join-Path $root 'Altostrat.psd1')).ModuleVersion
        $repository = Join-Path $root 'out/repository'
        Join-Path $repository "Altostrat.$version.nupkg" | Should -Exist

        $name = "AltostratPester$(Get-Random)"
        $target = Join-Path ([IO.Path]::GetTempPath()) $name
        New-Item -ItemType Directory -Path $target | Out-Null
        Register-PSResourceRepository -Name $name -Uri $repository -Trusted
        try {
            (Find-PSResource -Name Altostrat -Repository $name).Version.ToString() | Should -Be $version
            Save-PSResource -Name Altostrat -Repository $name -Path $target -TrustRepository
            Join-Path $target "Altostrat/$version/Altostrat.psd1" | Should -Exist
            $count = & pwsh -NoProfile -NonInteractive -Command "Import-Module '$(Join-Path $target 'Altostrat')'; @(Get-Command -Module Altostrat).Count"
            $count | Should -Be 29
        }
        finally {
            Unregister-PSResourceRepository -Name $name
            Remove-Item -Recurse -Force $target -ErrorAction SilentlyContinue
        }
    }
}
