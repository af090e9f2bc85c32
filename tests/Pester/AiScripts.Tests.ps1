#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# New-AltoAiScript, against the built module and a local emulator of its own (see TestSession.Start.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'TestSession.Start.ps1') }
AfterAll { . (Join-Path $PSScriptRoot 'TestSession.Stop.ps1') }

Describe 'New-AltoAiScript' {
    It 'warns about a destructive script and keeps both verdicts' {
        $result = New-AltoAiScript -Prompt 'block tcp port 23' -WarningVariable warnings -WarningAction SilentlyContinue
        $result.Destructive | Should -BeTrue
        $result.DestructiveByService | Should -BeTrue
        $result.DestructiveByAnalyzer | Should -BeTrue
        $result.Analysis.RiskyCommands[0].Line | Should -Be 1
        "$warnings" | Should -Match 'input chain'
        # The table keeps the script readable at 80 columns: its first line, and how many follow.
        $first = @($result.Script -split '\r?\n' | Where-Object { $_.Trim() })[0]
        $table = $result | Out-String -Width 80
        $table | Should -Match ([regex]::Escape($first.Substring(0, [Math]::Min(40, $first.Length))))
        foreach ($line in ($table -split '\r?\n')) { $line.TrimEnd().Length | Should -BeLessOrEqual 80 }
    }

    It 'says, when a script the service could not write is piped on, where its reason is' {
        $ai = New-AltoAiScript -Prompt 'make me a sandwich' -WarningAction SilentlyContinue
        $ai.Script | Should -BeNullOrEmpty
        $ai.Error | Should -Not -BeNullOrEmpty
        { $ai | New-AltoScheduledScript -SiteId site_emu0001 -Description ai -LaunchAt (Get-Date).AddHours(1) -ErrorAction Stop } |
            Should -Throw -ErrorId 'Altostrat.EmptyScript*' -ExpectedMessage '*New-AltoAiScript*Error property*'
    }

    It 'refuses a prompt over 200 characters before sending it' {
        { New-AltoAiScript -Prompt ('a' * 201) -ErrorAction Stop } | Should -Throw -ErrorId 'Altostrat.InvalidPrompt,Altostrat.PowerShell.Cmdlets.Ai.NewAltoAiScriptCommand'
    }
}
