#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Test-AltoRouterScript, against the built module and a local emulator of its own (see TestSession.Start.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'TestSession.Start.ps1') }
AfterAll { . (Join-Path $PSScriptRoot 'TestSession.Stop.ps1') }

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

    It 'says which file is missing, also for a wildcard that matches nothing' {
        { Test-AltoRouterScript -Path (Join-Path $TestDrive 'missing.rsc') -ErrorAction Stop } | Should -Throw -ErrorId 'AltostratScript.FileNotFound*'
        { Test-AltoRouterScript -Path (Join-Path $TestDrive 'none-*.rsc') -ErrorAction Stop } | Should -Throw -ErrorId 'AltostratScript.FileNotFound*'
    }

    It 'reads a file whose name has brackets as that file, by -Path and from Get-ChildItem' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'brackets') -Force
        Set-Content -LiteralPath (Join-Path $folder 'x[1].rsc') '/system identity print'
        (Test-AltoRouterScript -Path (Join-Path $folder 'x[1].rsc')).Source | Should -Be (Join-Path $folder 'x[1].rsc')
        Test-AltoRouterScript -Path (Join-Path $folder 'x[1].rsc') -Quiet | Should -BeTrue
        @(Get-ChildItem -LiteralPath $folder | Test-AltoRouterScript).Count | Should -Be 1
    }
}
