#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The SDX session: Connect-Altostrat, Get-AltoContext, secret hygiene, against the built module and a local emulator of its own (see TestSession.Start.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'TestSession.Start.ps1') }
AfterAll { . (Join-Path $PSScriptRoot 'TestSession.Stop.ps1') }

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

    It 'refuses plain http to a remote host from ALTOSTRAT_API_URL too, when a cmdlet connects by itself' {
        $output = Invoke-FreshPwsh -NoProfile -NonInteractive -Command (
            "`$env:ALTOSTRAT_TOKEN = 'env-token-not-in-clear'; `$env:ALTOSTRAT_API_URL = 'http://192.0.2.2/'; Import-Module '$env:ALTOSTRAT_MODULE_MANIFEST'; " +
            "try { Get-AltoSite -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }; " +
            "`$null = Get-AltoContext -WarningVariable w -WarningAction SilentlyContinue; `"`$w`"")
        $output[0] | Should -BeLike 'Altostrat.InvalidApiUrl*'
        $output[1] | Should -BeLike '*would send the token unencrypted*'
        # Get-AltoContext, which shows the default URL then, says why.
        $output[2] | Should -BeLike '*would send the token unencrypted*The context shows the default URL instead.'
    }

    It 'takes the token from the pipeline, as Get-Secret gives it, and refuses piped input that is not one' {
        $context = $script:SecureToken | Connect-Altostrat -ApiUrl $script:ApiUrl -PassThru
        $context.TokenSource | Should -Be 'Parameter'
        (Get-AltoSite | Select-Object -First 1) | Should -Not -BeNullOrEmpty
        # A plain string does not bind; the environment's token must not be used in its place.
        $saved = $env:ALTOSTRAT_TOKEN
        try {
            $env:ALTOSTRAT_TOKEN = 'from-the-environment'
            { 'not-a-securestring' | Connect-Altostrat -ApiUrl http://127.0.0.1:1/ -ErrorAction SilentlyContinue } |
                Should -Throw -ExpectedMessage 'Nothing piped in was a token*'
        }
        finally { $env:ALTOSTRAT_TOKEN = $saved }
        (Get-AltoContext).ApiUrl | Should -Be $script:ApiUrl
    }
}

Describe 'Disconnect-Altostrat' {
    It 'stays disconnected: the environment''s token is not used again until Connect-Altostrat' {
        $saved = $env:ALTOSTRAT_TOKEN
        try {
            $env:ALTOSTRAT_TOKEN = $script:Token
            Disconnect-Altostrat
            (Get-AltoContext).TokenSet | Should -BeFalse
            { Get-AltoSite -ErrorAction Stop } | Should -Throw -ErrorId 'Altostrat.NotConnected*' -ExpectedMessage '*Disconnect-Altostrat (or Stop-AltoEmulator) closed the connection*'
            Connect-Altostrat -ApiUrl $script:ApiUrl -Token $script:SecureToken
            (Get-AltoSite | Select-Object -First 1) | Should -Not -BeNullOrEmpty
        }
        finally {
            $env:ALTOSTRAT_TOKEN = $saved
            Connect-Altostrat -ApiUrl $script:ApiUrl -Token $script:SecureToken
        }
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
