#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Desired state: Get-, Export-, Compare- and Set-AltoRouterConfiguration and -SafeMode, against the built module and
# the simulated routers of a local emulator of its own (see TestSession.Start.ps1).

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSession.Start.ps1')
    # The document of about_AltostratDesiredState.
    $script:Desired = [ordered]@{
        '/system/identity'   = @{ name = 'branch-1' }
        '/ip/dns'            = @{ servers = '9.9.9.9,1.1.1.1'; 'allow-remote-requests' = 'no' }
        '/system/ntp/client' = @{ enabled = 'yes'; servers = '162.159.200.1,162.159.200.123' }
        '/ip/firewall/address-list' = @{
            Key     = 'list', 'address'
            Absent  = 'Remove'
            Entries = @(
                @{ list = 'mgmt'; address = '10.0.0.0/24'; comment = 'admins' }
                @{ list = 'block'; address = '192.0.2.1'; comment = 'bad' }
                @{ list = 'block'; address = '192.0.2.2'; comment = $null }
            )
        }
        '/ip/firewall/filter' = @{
            Key     = 'comment'
            Order   = $true
            Absent  = 'Ignore'
            Entries = @(
                @{ chain = 'input'; action = 'accept'; protocol = 'icmp'; comment = 'allow ping' }
                @{ chain = 'input'; action = 'drop'; 'src-address-list' = 'block'; comment = 'drop blocked' }
            )
        }
    }
    $script:Menus = '/system/identity', '/ip/dns', '/system/ntp/client', '/ip/firewall/address-list', '/ip/firewall/filter', '/ip/address', '/ip/service'
    # Everything the tests may touch, as text: equal dumps mean an identical router.
    function script:Get-Dump([string] $Router) {
        Get-AltoRouterConfiguration $Router -Credential $script:RouterCredential -Path $script:Menus |
            ForEach-Object { $_.Path; $_.Entries | ForEach-Object { ($_.PSObject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ' ' } } |
            Out-String
    }
}
AfterAll { . (Join-Path $PSScriptRoot 'TestSession.Stop.ps1') }

Describe 'Get-AltoRouterConfiguration' {
    It 'emits one object per router and menu with the entries, .id as Id' {
        $result = Get-AltoRouterConfiguration $script:Routers['site_emu0001'], $script:Routers['site_emu0002'] -Credential $script:RouterCredential -Path /ip/dns, '/ip firewall filter'
        $result.Count | Should -Be 4
        ($result | Where-Object ComputerName -eq $script:Routers['site_emu0001']).Path | Sort-Object | Should -Be @('/ip/dns', '/ip/firewall/filter')
        $filter = $result | Where-Object { $_.ComputerName -eq $script:Routers['site_emu0001'] -and $_.Path -eq '/ip/firewall/filter' }
        $filter.Count | Should -BeGreaterThan 0
        $filter.Entries | ForEach-Object { $_.Id | Should -Match '^\*[0-9A-F]+$' }
    }

    It 'gives a document that Compare takes back unchanged, as a table and through .psd1 and .json files' {
        $router = $script:Routers['site_emu0003']
        $doc = Get-AltoRouterConfiguration $router -Credential $script:RouterCredential -Path /ip/dns, /ip/firewall/filter, /ip/firewall/address-list, /system/ntp/client -AsDesiredState
        $doc.ComputerName | Should -Be $router
        $doc.Keys | Should -Contain '/ip/firewall/filter'
        # The router is the first row of the document's table, so that several routers' documents say whose each is.
        @($doc.Keys)[0] | Should -Be 'ComputerName'
        ($doc | Out-String) | Should -Match "ComputerName\s+$([regex]::Escape($router))"
        # Piped, the document gives its router by property name, not its type name as an address.
        $doc | Compare-AltoRouterConfiguration -Credential $script:RouterCredential -DesiredState $doc -ErrorAction Stop | Should -BeNullOrEmpty
        Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $doc | Should -BeNullOrEmpty
        foreach ($file in (Join-Path $TestDrive 'r3.psd1'), (Join-Path $TestDrive 'r3.json')) {
            $written = Export-AltoRouterConfiguration $router -Credential $script:RouterCredential -Path /ip/dns, /ip/firewall/filter -OutFile $file -PassThru
            $written | Should -Exist
            # As Get-Item gives it, so that the file view shows its folder and size.
            $written.PSParentPath | Should -Not -BeNullOrEmpty
            Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $file | Should -BeNullOrEmpty
        }
        (Import-PowerShellDataFile (Join-Path $TestDrive 'r3.psd1'))['/ip/firewall/filter'].Order | Should -BeTrue
        # Written with ConvertTo-Json, the document carries its ComputerName along, which is no menu.
        $json = Join-Path $TestDrive 'r3-converted.json'
        $doc | ConvertTo-Json -Depth 9 | Set-Content $json
        Get-Content $json -Raw | Should -Match '"ComputerName"'
        Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $json | Should -BeNullOrEmpty
        # Also as ConvertFrom-Json gives it back, without -AsHashtable.
        Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState (Get-Content $json -Raw | ConvertFrom-Json) | Should -BeNullOrEmpty
        # ConvertTo-Json without -Depth flattens the entries to type names: the error says so.
        $doc | ConvertTo-Json -WarningAction SilentlyContinue | Set-Content $json
        { Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $json -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratConfiguration.InvalidDocument*' -ExpectedMessage '*ConvertTo-Json -Depth 9*'
    }

    It 'refuses a menu desired state cannot manage for -AsDesiredState, and several routers for one file, before connecting' {
        { Get-AltoRouterConfiguration 127.0.0.1:1 -Credential $script:RouterCredential -Path /system/resource -AsDesiredState -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratConfiguration.InvalidPath*'
        { '127.0.0.1:1', '127.0.0.1:2' | Export-AltoRouterConfiguration -Credential $script:RouterCredential -Path /ip/dns -OutFile (Join-Path $TestDrive 'two.psd1') -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratConfiguration.OneRouterPerFile*'
        { Export-AltoRouterConfiguration 127.0.0.1:1 -Credential $script:RouterCredential -Path /ip/dns -OutFile (Join-Path $TestDrive 'x.txt') -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratConfiguration.InvalidOutFile*'
        { Export-AltoRouterConfiguration 127.0.0.1:1 -Credential $script:RouterCredential -Path /ip/dns -OutFile (Join-Path $TestDrive 'no-such-folder/x.psd1') -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*no-such-folder' of -OutFile does not exist. Create it first*" -ErrorId 'AltostratConfiguration.InvalidOutFile*'
    }

    It 'completes the menus with Tab' {
        $line = 'Get-AltoRouterConfiguration -Path /ip/firewall/a'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain '/ip/firewall/address-list'
        # As the CLI writes a menu, inside quotes.
        $line = "Get-AltoRouterConfiguration -Path '/ip fi"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain '/ip/firewall/filter'
    }
}

Describe 'Compare- and Set-AltoRouterConfiguration' {
    It 'plans the document, applies it on every router, verifies, and a second run writes nothing' {
        $routers = $script:Routers['site_emu0001'], $script:Routers['site_emu0004']
        $plan = $routers | Compare-AltoRouterConfiguration -Credential $script:RouterCredential -DesiredState $script:Desired
        ($plan | Group-Object ComputerName).Count | Should -Be 2
        $first = $plan | Where-Object ComputerName -eq $routers[0]
        $first | Where-Object { $_.Path -eq '/system/identity' -and $_.Action -eq 'Set' } | ForEach-Object ChangedProperties | Should -Be 'name'
        @($first | Where-Object { $_.Path -eq '/ip/firewall/address-list' -and $_.Action -eq 'Add' }).Count | Should -Be 3
        $first | ForEach-Object { $_.Script | Should -Not -BeNullOrEmpty }

        # The drop rule on the input chain is destructive: the suite cannot answer the question, so -Force.
        $plan | Where-Object Risk -eq Destructive | ForEach-Object Key | Select-Object -Unique | Should -Be 'comment=drop blocked'
        $results = $routers | Set-AltoRouterConfiguration -Credential $script:RouterCredential -DesiredState $script:Desired -Force
        $results.Status | Should -Be @('Changed', 'Changed')
        ($results | Where-Object ComputerName -eq $routers[0]).Changes.Count | Should -Be $first.Count
        (Invoke-AltoRouterCommand $routers[0] -Credential $script:RouterCredential -Command /system/identity/print).name | Should -Be 'branch-1'

        $routers | Compare-AltoRouterConfiguration -Credential $script:RouterCredential -DesiredState $script:Desired | Should -BeNullOrEmpty
        $again = $routers | Set-AltoRouterConfiguration -Credential $script:RouterCredential -DesiredState $script:Desired -Force
        $again.Status | Should -Be @('Unchanged', 'Unchanged')
        $again | ForEach-Object { $_.Changes.Count | Should -Be 0 }
    }

    It 'gives each change the entry before and after as hashtables, and they can be replaced' {
        $router = $script:Routers['site_emu0002']
        $before = (Invoke-AltoRouterCommand $router -Credential $script:RouterCredential -Command /system/identity/print).name
        $plan = Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState @{ '/system/identity' = @{ name = 'renamed-by-test' } }
        $plan.Action | Should -Be 'Set'
        $plan.Before | Should -BeOfType [hashtable]
        $plan.Before['name'] | Should -Be $before
        $plan.After['NAME'] | Should -Be 'renamed-by-test'   # keys in any case, as RouterOS names them
        # Read first from several threads at once: every one gets the same table.
        $fresh = Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState @{ '/system/identity' = @{ name = 'renamed-by-test' } }
        $names = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel { ($using:fresh).Before['name'] }
        $names | Should -Be (@($before) * 8)
        $plan.Before = @{ name = 'replaced' }
        $plan.Before['name'] | Should -Be 'replaced'
        $added = Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState @{
            '/ip/firewall/address-list' = @{ Entries = @(@{ list = 'test-lazy'; address = '198.51.100.7'; comment = 'new' }) } }
        $added.Before | Should -BeNullOrEmpty
        $added.After['comment'] | Should -Be 'new'
    }

    It 'refuses to guess among router entries that share the key, and warns which one it manages when one matches' {
        $router = $script:Routers['site_emu0005']
        $ids = 1..2 | ForEach-Object { (Invoke-AltoRouterCommand $router -Credential $script:RouterCredential -Command /ip/firewall/filter/add -Parameter @{ chain = 'pester-dup'; action = 'drop' } -Force).Ret }
        try {
            $doc = @{ '/ip/firewall/filter' = @{ Key = 'chain', 'action'; Entries = @(@{ chain = 'pester-dup'; action = 'drop'; comment = 'managed' }) } }
            # Neither has the comment: changing one of them would be a guess.
            $before = Get-Dump $router
            $result = Set-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $doc -Force -ErrorVariable failed -ErrorAction SilentlyContinue
            $result.Status | Should -Be 'Failed'
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'AltostratConfiguration.InvalidDocument*'
            $failed[0].Exception.Message | Should -BeLike "*$router has 2 entries with chain=pester-dup,action=drop ($($ids[0]), $($ids[1])) and none of them matches*Nothing was sent to $router.*"
            Get-Dump $router | Should -Be $before
            { Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $doc -ErrorAction Stop } | Should -Throw -ErrorId 'AltostratConfiguration.InvalidDocument*'

            # Once one of them matches, that one is managed, whichever it is, and the other is named in a warning.
            Invoke-AltoRouterCommand $router -Credential $script:RouterCredential -Command /ip/firewall/filter/set -Parameter @{ '.id' = $ids[1]; comment = 'managed' } -Force | Out-Null
            $warnings = $null
            $plan = Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $doc -WarningVariable warnings -WarningAction SilentlyContinue
            $plan | Should -BeNullOrEmpty
            "$warnings" | Should -BeLike "*2 entries with chain=pester-dup,action=drop*manages the one that already matches it ($($ids[1]))*"
            $again = Set-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $doc -Force -WarningVariable warnings -WarningAction SilentlyContinue
            $again.Status | Should -Be 'Unchanged'
            "$warnings" | Should -BeLike "*2 entries with chain=pester-dup,action=drop*"
        }
        finally {
            $ids | ForEach-Object { Invoke-AltoRouterCommand $router -Credential $script:RouterCredential -Command /ip/firewall/filter/remove -Parameter @{ '.id' = $_ } -Force | Out-Null }
        }
    }

    It 'keeps the document''s order in the chain' {
        $router = $script:Routers['site_emu0001']
        $order = (Get-AltoRouterConfiguration $router -Credential $script:RouterCredential -Path /ip/firewall/filter).Entries |
            Where-Object comment -in 'allow ping', 'drop blocked' | ForEach-Object comment
        $order | Should -Be @('allow ping', 'drop blocked')
    }

    It 'writes nothing with -WhatIf and says what it would do, each destructive change with its reason' {
        $router = $script:Routers['site_emu0005']
        $before = Get-Dump $router
        $output = Set-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $script:Desired -WhatIf 6>&1
        ($output | Where-Object { $_ -is [Altostrat.PowerShell.AltoRouterConfigurationResult] }) | Should -BeNullOrEmpty
        Get-Dump $router | Should -Be $before
        # Two removals of the address list, each a command of its own with its reason (the [find] is part of it).
        $ids = 201, 202 | ForEach-Object { (Invoke-AltoRouterCommand $router -Credential $script:RouterCredential -Command /ip/firewall/address-list/add -Parameter @{ list = 'pester-rm'; address = "192.0.2.$_" } -Force).Ret }
        $removals = @{ '/ip/firewall/address-list' = @{ Absent = 'Remove'; Entries = @(@{ list = 'keep'; address = '192.0.2.200' }) } }
        $transcript = Join-Path $TestDrive 'whatif-removals.txt'
        $null = Start-Transcript -Path $transcript
        try { Set-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $removals -WhatIf }
        finally {
            $null = Stop-Transcript
            $ids | ForEach-Object { Invoke-AltoRouterCommand $router -Credential $script:RouterCredential -Command /ip/firewall/address-list/remove -Parameter @{ '.id' = $_ } -Force | Out-Null }
        }
        $text = Get-Content $transcript -Raw
        $removes = @(Select-String -Path $transcript -Pattern 'What if: Remove: .*Script analysis: 1 command\(s\), DESTRUCTIVE')
        $removes.Count | Should -BeGreaterThan 1
        ([regex]::Matches($text, 'line 1: /ip firewall address-list remove')).Count | Should -Be $removes.Count
    }

    It 'puts every change to PowerShell whenever it would show or ask: -WhatIf, $WhatIfPreference, -Confirm, $ConfirmPreference, -Verbose' {
        # Changes that are not destructive skip ShouldProcess when it would approve them unseen: never in these cases.
        $router = $script:Routers['site_emu0005']
        $document = @{ '/ip/firewall/address-list' = @{ Key = 'list', 'address'; Entries = @(
            @{ list = 'shown'; address = '192.0.2.81' }
            @{ list = 'shown'; address = '192.0.2.82' }) } }
        $set = @{ ComputerName = $router; Credential = $script:RouterCredential; DesiredState = $document }
        $before = Get-Dump $router
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript -Path $transcript
        try {
            Set-AltoRouterConfiguration @set -WhatIf
            & { $WhatIfPreference = $true; Set-AltoRouterConfiguration @set }
            # PowerShell reads the preference as a bool, whatever it holds: 1 means what if too.
            & { $WhatIfPreference = 1; Set-AltoRouterConfiguration @set }
        }
        finally { $null = Stop-Transcript }
        @(Select-String -Path $transcript -Pattern 'What if: .*list=shown,address=192\.0\.2\.8[12]').Count | Should -Be 6
        # Asking is all this non-interactive session cannot do: it fails, and nothing is sent.
        # It says how to go on, under the module's error id, as a destructive change does.
        { Set-AltoRouterConfiguration @set -Confirm -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratScript.ConfirmationUnavailable*' -ExpectedMessage '*NonInteractive*Run it without -Confirm*'
        { & { $ConfirmPreference = 'Medium'; Set-AltoRouterConfiguration @set -ErrorAction Stop } } | Should -Throw -ExpectedMessage '*NonInteractive*'
        Get-Dump $router | Should -Be $before

        $verbose = Set-AltoRouterConfiguration @set -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @($verbose | Where-Object Message -match 'list=shown,address=192\.0\.2\.8[12].*Script analysis').Count | Should -Be 2
        Get-Dump $router | Should -Match '192\.0\.2\.82'
    }

    It 'asks before a destructive change and changes nothing where no one can answer; -Force applies it' {
        $router = $script:Routers['site_emu0005']
        $addresses = @{ '/ip/address' = @{ Key = 'address', 'interface'; Entries = @( @{ address = '10.200.0.1/24'; interface = 'ether3' } ) } }
        $before = Get-Dump $router
        # The error says how to review a desired state, not a script.
        { Set-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $addresses -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratScript.ConfirmationUnavailable*' -ExpectedMessage '*Review it (Compare-AltoRouterConfiguration, or -WhatIf), then run again with -Force*'
        Get-Dump $router | Should -Be $before
        (Set-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $addresses -Force).Status | Should -Be 'Changed'
        Invoke-AltoRouterCommand $router -Credential $script:RouterCredential -Command /ip/address/print | ForEach-Object address | Should -Contain '10.200.0.1/24'
    }

    It 'refuses <Case> before contacting any router' -ForEach @(
        @{ Case = 'an unknown menu'; Document = @{ '/ip/nothing' = @{ a = 'b' } }; Message = 'unknown menu' }
        @{ Case = 'an entry without its key'; Document = @{ '/ip/firewall/address-list' = @{ Key = 'list', 'address'; Entries = @( @{ list = 'x' } ) } }; Message = 'address' }
        @{ Case = 'two entries with one key'; Document = @{ '/ip/firewall/address-list' = @{ Entries = @( @{ list = 'x'; address = '192.0.2.9' }, @{ list = 'x'; address = '192.0.2.9' } ) } }; Message = 'same key|twice|duplicate' }
        @{ Case = 'a list menu without Entries'; Document = @{ '/ip/firewall/filter' = @{ chain = 'input' } }; Message = 'Entries' }
    ) {
        # 127.0.0.1:1 listens nowhere: had anything been sent, the error would be a connection failure.
        $thrown = { Set-AltoRouterConfiguration 127.0.0.1:1 -Credential $script:RouterCredential -DesiredState $Document -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratConfiguration.InvalidDocument*' -PassThru
        $thrown.Exception.Message | Should -Match $Message
    }

    It 'refuses, per router and before writing, a property its menu does not have, and hints at a misspelled list property' {
        $router = $script:Routers['site_emu0004']
        $before = Get-Dump $router
        $typo = @{ '/ip/dns' = @{ serverz = '9.9.9.9'; 'allow-remote-requests' = 'yes' } }
        $result = Set-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $typo -Force -ErrorVariable failed -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'Failed'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'AltostratConfiguration.InvalidDocument*'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $failed[0].Exception.Message | Should -BeLike "*/ip/dns, field 'serverz': $router has no such property (did you mean 'servers'?)*Nothing was sent to $router.*"
        # allow-remote-requests was right, and was not written either: the document does not fit this router as written.
        Get-Dump $router | Should -Be $before
        $thrown = { Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $typo -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratConfiguration.InvalidDocument*' -PassThru
        $thrown.TargetObject | Should -Be $router
        # Every simulated router has input rules with an action.
        $hint = @{ '/ip/firewall/filter' = @{ Key = 'comment'; Entries = @( @{ chain = 'input'; comment = 'typo'; acton = 'drop' } ) } }
        $null = Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $hint -WarningVariable warned -WarningAction SilentlyContinue
        $warned | Should -HaveCount 1
        "$warned" | Should -BeLike "${router}: /ip/firewall/filter: no entry on the router has 'acton'; did you mean 'action'?*"
    }

    It 'shows a password the document sets as *** in the plan and its table, never the value' {
        $router = $script:Routers['site_emu0004']
        $users = @{ '/user' = @{ Entries = @( @{ name = 'ops-bot'; group = 'read'; password = 'Pw-secret-123' } ) } }
        $plan = Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $users
        $plan.Script | Should -BeLike '*password=`*`*`**'
        ($plan | Out-String -Width 250) | Should -Not -Match 'Pw-secret-123'
        ($plan | Out-String -Width 250) | Should -Match 'password=\*\*\*'
    }

    It 'names the file and line of a .json that does not parse, and the file of a missing one' {
        $bad = Join-Path $TestDrive 'bad.json'
        Set-Content -Path $bad -Value "{`n  `"/ip/dns`": { `"servers`": nope }`n}"
        $thrown = { Compare-AltoRouterConfiguration 127.0.0.1:1 -Credential $script:RouterCredential -DesiredState $bad -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratConfiguration.InvalidDocument*' -PassThru
        $thrown.Exception.Message | Should -Match ([regex]::Escape("${bad}:2"))
        { Compare-AltoRouterConfiguration 127.0.0.1:1 -Credential $script:RouterCredential -DesiredState (Join-Path $TestDrive 'none.psd1') -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratConfiguration.FileNotFound*'
        { Compare-AltoRouterConfiguration 127.0.0.1:1 -Credential $script:RouterCredential -DesiredState $TestDrive -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratConfiguration.InvalidDocument*' -ExpectedMessage '*is a folder*'
        { Compare-AltoRouterConfiguration 127.0.0.1:1 -Credential $script:RouterCredential -DesiredState '' -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratConfiguration.InvalidDocument*' -ExpectedMessage '*-DesiredState is empty*'
    }

    It 'names the file, line, entry and field of a mistake in a .psd1 that parses' {
        $bad = Join-Path $TestDrive 'bad.psd1'
        Set-Content -Path $bad -Value @(
            '@{'
            "    '/ip/dns' = @{ servers = '9.9.9.9' }"
            "    '/ip/firewall/address-list' = @{"
            "        Key     = 'list', 'address'"
            '        Entries = @('
            "            @{ list = 'block'; address = '192.0.2.1' }"
            "            @{ list = 'block'; address = '192.0.2.1/32' }"
            '        )'
            '    }'
            '}'
        )
        $thrown = { Compare-AltoRouterConfiguration 127.0.0.1:1 -Credential $script:RouterCredential -DesiredState $bad -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratConfiguration.InvalidDocument*' -PassThru
        $thrown.Exception.Message | Should -Match ([regex]::Escape("${bad}:7, /ip/firewall/address-list, Entries[1], field 'list,address'"))
        Set-Content -Path $bad -Value "@{`n    '/ip/dns' = @{ servers = '9.9.9.9' }`n    '/ip/nothing' = @{ a = 'b' }`n}"
        $thrown = { Compare-AltoRouterConfiguration 127.0.0.1:1 -Credential $script:RouterCredential -DesiredState $bad -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratConfiguration.InvalidDocument*' -PassThru
        $thrown.Exception.Message | Should -Match ([regex]::Escape("${bad}:3"))
        # More than one hashtable, in a block of its own, is refused as such (and not with a NullReferenceException).
        Set-Content -Path $bad -Value "begin { @{ '/ip/dns' = @{ servers = '9.9.9.9' } } }"
        { Compare-AltoRouterConfiguration 127.0.0.1:1 -Credential $script:RouterCredential -DesiredState $bad -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratConfiguration.InvalidDocument*' -ExpectedMessage '*holds one hashtable*'
        # A list of hashtables is not the document, and is not read as its first one.
        Set-Content -Path $bad -Value "@( @{ a = 1 } )"
        { Compare-AltoRouterConfiguration 127.0.0.1:1 -Credential $script:RouterCredential -DesiredState $bad -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratConfiguration.InvalidDocument*' -ExpectedMessage '*holds one hashtable*'
        # A cast is a value, as Import-PowerShellDataFile takes it: [bool]@{ x = 1 } is $true, not a table.
        Set-Content -Path $bad -Value "@{ '/ip/dns' = @{ 'allow-remote-requests' = [bool]@{ x = 1 } } }"
        (Import-PowerShellDataFile $bad)['/ip/dns']['allow-remote-requests'] | Should -BeTrue
        { Compare-AltoRouterConfiguration 127.0.0.1:1 -Credential $script:RouterCredential -DesiredState $bad -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratRouter.ConnectionFailed*'
    }

    It 'reorders forward-chain rules as an ordinary change, unasked, and asks before reordering the input chain' {
        $router = $script:Routers['site_emu0002']
        function Rules([string] $Chain, [string[]] $Comments) {
            @{ '/ip/firewall/filter' = @{ Key = 'comment'; Order = $true; Entries = @($Comments | ForEach-Object { @{ chain = $Chain; action = 'accept'; comment = $_ } }) } }
        }
        (Set-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState (Rules forward 'fwd-a', 'fwd-b') -Force).Status | Should -Be 'Changed'
        $moves = Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState (Rules forward 'fwd-b', 'fwd-a') | Where-Object Action -eq Move
        $moves | Should -Not -BeNullOrEmpty
        $moves | ForEach-Object { $_.Risk | Should -Be 'Change'; $_.Script | Should -Match 'chain="forward"' }
        # No -Force, and no one can answer here: a change rated destructive would fail with ConfirmationUnavailable.
        (Set-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState (Rules forward 'fwd-b', 'fwd-a')).Status | Should -Be 'Changed'
        (Get-AltoRouterConfiguration $router -Credential $script:RouterCredential -Path /ip/firewall/filter).Entries |
            Where-Object comment -like 'fwd-*' | ForEach-Object comment | Should -Be @('fwd-b', 'fwd-a')

        (Set-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState (Rules input 'in-a', 'in-b') -Force).Status | Should -Be 'Changed'
        { Set-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState (Rules input 'in-b', 'in-a') -ErrorAction Stop } |
            Should -Throw -ErrorId 'AltostratScript.ConfirmationUnavailable*'
        (Get-AltoRouterConfiguration $router -Credential $script:RouterCredential -Path /ip/firewall/filter).Entries |
            Where-Object comment -like 'in-*' | ForEach-Object comment | Should -Be @('in-a', 'in-b')
    }

    It 'shows each router''s changes in a table whose change fits 80 columns' {
        $router = $script:Routers['site_emu0002']
        $desired = @{
            '/system/identity'          = @{ name = 'view-test' }
            '/ip/firewall/address-list' = @{ Entries = @( @{ list = 'view'; address = '192.0.2.77'; comment = 'shown' } ) }
        }
        $text = Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $desired | Out-String -Width 80
        $text | Should -Match "ComputerName: $([regex]::Escape($router))"
        $text | Should -Match 'Set\s+Change\s+/system/identity\s+name=view-test'
        $text | Should -Match 'Add\s+Change\s+/ip/firewall/address-list\s+\[list=view,address=192\.0\.2\.77\] com'
        # As a string, a change of a single-value menu, which has no key, ends with its menu.
        "$(Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $desired | Where-Object Path -eq '/system/identity')" |
            Should -BeExactly "$router Set /system/identity"
        $wide = Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $desired | Out-String -Width 120
        $wide | Should -Match '\[list=view,address=192\.0\.2\.77\] comment=shown'
        # A value is left out only when the key shows it, not when the key's text happens to contain it.
        $rule = @{ '/ip/firewall/filter' = @{ Key = 'chain', 'comment'; Entries = @( @{ chain = 'forward'; action = 'accept'; protocol = 'tcp'; 'dst-port' = '443'; comment = 'allow dst-port=443' } ) } }
        $text = Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $rule | Out-String -Width 160
        $text | Should -Match '\[chain=forward,comment=allow dst-port=443\] action=accept dst-port=443 protocol=tcp'
    }

    It 'writes a user''s password when it adds the user, and a second run sends no write' {
        $router = $script:Routers['site_emu0002']
        $doc = @{ '/user' = @{ Entries = @(@{ name = 'pester-ops'; group = 'read'; password = 'P@ssw0rd!' }) } }
        try {
            # The change object shows no password either: it ends up in logs and JSON.
            $plan = Compare-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $doc
            $plan.After['password'] | Should -Be '***'
            $plan | ConvertTo-Json -Depth 5 | Should -Not -Match 'P@ssw0rd'
            (Set-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $doc -Force).Status | Should -Be 'Changed'
            $warnings = $null
            $again = Set-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $doc -Force -WarningVariable warnings -WarningAction SilentlyContinue
            $again.Status | Should -Be 'Unchanged'
            "$warnings" | Should -BeLike '*/user: the router does not show password*'
        }
        finally {
            Invoke-AltoRouterCommand $router -Credential $script:RouterCredential -Command /user/remove -Parameter @{ numbers = 'pester-ops' } -Force -ErrorAction SilentlyContinue | Out-Null
        }
    }
}

Describe 'Safe mode' {
    It 'rolls back a change that disables the api service the module uses, leaving the router as it was' {
        $router = $script:Routers['site_emu0003']
        $before = Get-Dump $router
        $cutOff = [ordered]@{ '/system/identity' = @{ name = 'never-kept' }; '/ip/service' = @{ Key = 'name'; Entries = @( @{ name = 'api'; disabled = 'yes' } ) } }
        $result = Set-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $cutOff -SafeMode -Force -ErrorVariable failed -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'RolledBack'
        $result.SafeMode | Should -Be 'RolledBackByRouter'
        # Nothing asked for happened: an error a runbook sees, not a warning it may silence.
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'AltostratConfiguration.RolledBack*'
        $failed[0].TargetObject | Should -Be $router
        "$failed" | Should -Match 'rolled back'
        # The module saw its session drop; the error says the router reverts once it notices that too.
        "$failed" | Should -Match 'reverts the changes once it notices the session is gone'
        Get-Dump $router | Should -Be $before
        # What was applied and then undone stays in the result, the change that cut the module off included: the
        # simulated router answers the disable before it drops the session (a router that never answered it would
        # list it in FailedChanges).
        $result.Changes | Should -BeNullOrEmpty
        $result.RolledBackChanges.Path | Should -Contain '/system/identity'
        $result.RolledBackChanges.Key | Should -Contain 'name=api'
    }

    It 'undoes the applied changes when another one fails, and says which were undone' {
        $router = $script:Routers['site_emu0003']
        $before = Get-Dump $router
        # A property like no other on the router: the planner cannot tell, and the router refuses the addition.
        $mistyped = [ordered]@{
            '/system/identity'          = @{ name = 'undone' }
            '/ip/firewall/address-list' = @{ Entries = @( @{ list = 'undone'; address = '192.0.2.53'; 'no-such-property' = 'x' } ) }
        }
        $result = Set-AltoRouterConfiguration $router -Credential $script:RouterCredential -DesiredState $mistyped -SafeMode -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'RolledBack'
        $result.SafeMode | Should -Be 'Unrolled'
        $result.RolledBackChanges.Path | Should -Be '/system/identity'
        $result.FailedChanges.Path | Should -Be '/ip/firewall/address-list'
        Get-Dump $router | Should -Be $before
    }

    It 'rolls back a script that removes the management address, and keeps a harmless one' {
        $router = $script:Routers['site_emu0003']
        $before = Get-Dump $router
        $thrown = $null
        try { $result = Invoke-AltoRouterScript $router -Credential $script:RouterCredential -Script "/system identity set name=gone`n/ip address remove [find]" -SafeMode -Force -ErrorAction Stop -OutVariable result }
        catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'AltostratRouter.RolledBack*'
        $result.Status | Should -Be 'RolledBack'
        Get-Dump $router | Should -Be $before
        $kept = Invoke-AltoRouterScript $router -Credential $script:RouterCredential -Script '/system identity set name=kept' -SafeMode
        $kept.Status | Should -Be 'Succeeded'
        $kept.SafeMode | Should -Be 'Released'
        (Invoke-AltoRouterCommand $router -Credential $script:RouterCredential -Command /system/identity/print).name | Should -Be 'kept'
    }
}
