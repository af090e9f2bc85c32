#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Invoke-AltoRouterCommand on the simulated routers, against the built module and a local emulator of its own (see TestSession.Start.ps1).

BeforeAll { . (Join-Path $PSScriptRoot 'TestSession.Start.ps1') }
AfterAll { . (Join-Path $PSScriptRoot 'TestSession.Stop.ps1') }

Describe 'Invoke-AltoRouterCommand' {
    It 'streams rows with ComputerName and Id, filtered by query and property list' {
        $rows = Invoke-AltoRouterCommand -ComputerName $script:Routers['site_emu0001'] -Credential $script:RouterCredential -Command '/interface print' -Query 'type=ether' -Property '.id', 'name'
        $rows.Count | Should -Be 3
        $rows.name | Should -Be @('ether1', 'ether2', 'ether3')
        $rows | ForEach-Object { $_.Id | Should -Match '^\*[0-9A-F]+$'; $_.ComputerName | Should -Be $script:Routers['site_emu0001'] }
    }

    It 'gives every row the properties -Property asks for, so that a table shows them all' {
        $direct = Invoke-AltoRouterCommand -ComputerName $script:Routers['site_emu0001'] -Credential $script:RouterCredential -Command /interface/print -Property name, 'no-such-property'
        $viaSdx = Invoke-AltoRouterCommand -SiteId site_emu0001 -Command /interface/print -Property name, 'no-such-property'
        foreach ($row in @($direct) + @($viaSdx)) {
            $row.PSObject.Properties.Name | Should -Contain 'no-such-property'
            $row.'no-such-property' | Should -BeNullOrEmpty
        }
        ($direct | Format-Table | Out-String -Width 120) | Should -Match 'no-such-property'
    }

    It 'takes sessions from the pipeline and returns the id of an added item' {
        $session = Connect-AltoRouter -ComputerName $script:Routers['site_emu0003'] -Credential $script:RouterCredential
        try {
            $added = $session | Invoke-AltoRouterCommand -Command /ip/address/add -Parameter @{ address = '10.66.0.1/24'; interface = 'ether2' } -Force
            $added.Ret | Should -Match '^\*'
            Invoke-AltoRouterCommand -Session $session -Command /ip/address/print -Query "?.id=$($added.Ret)" | ForEach-Object address | Should -Be '10.66.0.1/24'
        }
        finally { $session | Disconnect-AltoRouter }
    }

    It 'returns the value a get reads, directly and through SDX' {
        $identity = (Invoke-AltoRouterCommand -ComputerName $script:Routers['site_emu0002'] -Credential $script:RouterCredential -Command /system/identity/print).name
        $direct = Invoke-AltoRouterCommand -ComputerName $script:Routers['site_emu0002'] -Credential $script:RouterCredential -Command /system/identity/get -Parameter @{ 'value-name' = 'name' }
        $direct.Ret | Should -Be $identity
        $direct.ComputerName | Should -Be $script:Routers['site_emu0002']
        $viaSdx = Invoke-AltoRouterCommand -SiteId site_emu0002 -Command /system/identity/get -Parameter @{ 'value-name' = 'name' }
        $viaSdx.Ret | Should -Be $identity
        $viaSdx.PSObject.Properties.Name -ccontains 'Ret' | Should -BeTrue -Because 'both paths name it Ret'
        $direct.PSObject.Properties.Name -ccontains 'Ret' | Should -BeTrue
        $viaSdx.SiteId | Should -Be 'site_emu0002'
    }

    It 'runs an export, which RouterOS answers without text over its API, directly and through SDX' {
        $errors = $null
        Invoke-AltoRouterCommand -SiteId site_emu0001 -Command '/ip dns export' -ErrorVariable errors | Should -BeNullOrEmpty
        Invoke-AltoRouterCommand -ComputerName $script:Routers['site_emu0001'] -Credential $script:RouterCredential -Command /export -ErrorVariable +errors | Should -BeNullOrEmpty
        $errors | Should -BeNullOrEmpty
    }

    It 'refuses a site piped in as a router address, saying that a site has none, without connecting' {
        $errors = $null
        $rows = Get-AltoSite | Select-Object -First 2 | Compare-AltoRouterConfiguration -Credential $script:RouterCredential -DesiredState @{ '/ip/dns' = @{ servers = '9.9.9.9' } } -ErrorVariable errors -ErrorAction SilentlyContinue
        $rows | Should -BeNullOrEmpty
        @($errors).Count | Should -Be 2
        $errors | ForEach-Object { $_.Exception.Message | Should -BeLike "*is a site, and a site carries no router address*-SiteId*" }
        { Get-AltoRouterConfiguration -ComputerName (Get-AltoSite | Select-Object -First 1) -Credential $script:RouterCredential -Path /ip/dns -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*carries no router address*'
        # Other objects that name a site and no address: a backup, and a row with only a SiteId.
        $backup = [pscustomobject]@{ PSTypeName = 'Altostrat.PowerShell.AltoBackup'; SiteId = 'site_emu0001'; Filename = '1.rsc' }
        foreach ($named in $backup, [pscustomobject]@{ SiteId = 'site_emu0001' }) {
            { $named | Get-AltoRouterConfiguration -Credential $script:RouterCredential -Path /ip/dns -ErrorAction Stop } | Should -Throw -ExpectedMessage "*'site_emu0001' is a site*"
        }
        # A row with an address as well binds the address.
        $row = [pscustomobject]@{ SiteId = 'site_emu0001'; Address = $script:Routers['site_emu0001'] }
        ($row | Get-AltoRouterConfiguration -Credential $script:RouterCredential -Path /ip/dns).ComputerName | Should -Be $script:Routers['site_emu0001']
        # Where sites have a parameter of their own, they still reach it; with -Credential (direct only) they are refused by their id.
        (Get-AltoSite | Select-Object -First 1 | Invoke-AltoRouterCommand -Command /system/identity/print).SiteId | Should -Not -BeNullOrEmpty
        $errors = $null
        Get-AltoSite | Select-Object -First 2 | Invoke-AltoRouterCommand -Credential $script:RouterCredential -Command /system/identity/print -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        @($errors).Count | Should -Be 2
        $errors | ForEach-Object { $_.Exception.Message | Should -BeLike "*is a site, and a site carries no router address*" }
        Get-AltoSite | Select-Object -First 1 | Invoke-AltoRouterScript -Credential $script:RouterCredential -Script ':log info x' -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        "$errors" | Should -BeLike "*is a site, and a site carries no router address*"
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

    It 'completes -Command with the menus it knows and their commands, each of which the simulated routers run' {
        $line = 'Invoke-AltoRouterCommand -Command /ip/firewall/address-list/'
        $offered = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $offered | Should -Contain '/ip/firewall/address-list/print'
        $offered | Should -Contain '/ip/firewall/address-list/add'
        # Through SDX only reads are allowed, so only reads are offered.
        $line = 'Invoke-AltoRouterCommand -SiteId site_emu0001 -Command /ip/firewall/address-list/'
        $offered = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $offered | Should -Contain '/ip/firewall/address-list/print'
        $offered | Should -Not -Contain '/ip/firewall/address-list/add'
        $line = 'Invoke-AltoRouterCommand -Command /'
        $prints = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Where-Object { $_ -like '*/print' }
        $prints.Count | Should -BeGreaterThan 20
        foreach ($print in $prints) {
            { Invoke-AltoRouterCommand $script:Routers['site_emu0001'] -Credential $script:RouterCredential -Command $print -ErrorAction Stop | Out-Null } | Should -Not -Throw -Because $print
        }
    }

    It 'changes nothing with -WhatIf' {
        Invoke-AltoRouterCommand -ComputerName $script:Routers['site_emu0005'] -Credential $script:RouterCredential -Command '/system identity set' -Parameter @{ name = 'whatif' } -WhatIf
        (Invoke-AltoRouterCommand -ComputerName $script:Routers['site_emu0005'] -Credential $script:RouterCredential -Command /system/identity/print).name | Should -Not -Be 'whatif'
    }

    It 'asks before a destructive command under the default $ConfirmPreference, and runs it with -Force' {
        $target = $script:Routers['site_emu0005']
        # -NonInteractive: the question cannot be asked, so the command fails with an error that says what to do.
        { Invoke-AltoRouterCommand -ComputerName $target -Credential $script:RouterCredential -Command /ip/address/add -Parameter @{ address = '10.67.0.1/24'; interface = 'ether3' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratScript.ConfirmationUnavailable*' -ExpectedMessage "Run /ip/address/add on `"$target`" is destructive, and this session cannot ask*"
        Invoke-AltoRouterCommand -ComputerName $target -Credential $script:RouterCredential -Command /ip/address/print | ForEach-Object address | Should -Not -Contain '10.67.0.1/24'
        $null = Invoke-AltoRouterCommand -ComputerName $target -Credential $script:RouterCredential -Command /ip/address/add -Parameter @{ address = '10.67.0.1/24'; interface = 'ether3' } -Force
        Invoke-AltoRouterCommand -ComputerName $target -Credential $script:RouterCredential -Command /ip/address/print | ForEach-Object address | Should -Contain '10.67.0.1/24'
    }
}
