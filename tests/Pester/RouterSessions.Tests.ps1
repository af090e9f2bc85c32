#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Router sessions: Connect-AltoRouter, Get-AltoRouterSession, Disconnect-AltoRouter, against the built module and a local emulator of its own (see TestSession.Start.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'TestSession.Start.ps1') }
AfterAll { . (Join-Path $PSScriptRoot 'TestSession.Stop.ps1') }

Describe 'Connect-AltoRouter, Get-AltoRouterSession and Disconnect-AltoRouter' {
    It 'opens a session that is listed until it is disconnected' {
        $session = Connect-AltoRouter -ComputerName $script:Routers['site_emu0001'] -Credential $script:RouterCredential
        $session.IsConnected | Should -BeTrue
        $session.ComputerName | Should -Be $script:Routers['site_emu0001']
        (Get-AltoRouterSession -Id $session.Id).Id | Should -Be $session.Id
        # Tab offers the open sessions: ids, and router names.
        $line = 'Disconnect-AltoRouter -Id '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain "$($session.Id)"
        $line = 'Get-AltoRouterSession -ComputerName 127'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $session.ComputerName
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

    It 'warns that -SkipCertificateCheck leaves the router password readable on the way' {
        $null = Invoke-AltoRouterCommand 127.0.0.1:1 -Credential $script:RouterCredential -Command /system/identity/print -UseTls -SkipCertificateCheck -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        "$warned" | Should -BeLike '*certificate validation is off*router password*'
    }

    It 'refuses TLS options without -UseTls before connecting' {
        { Connect-AltoRouter -ComputerName $script:Routers['site_emu0001'] -Credential $script:RouterCredential -SkipCertificateCheck -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratRouter.InvalidTlsParameters*'
    }
}
