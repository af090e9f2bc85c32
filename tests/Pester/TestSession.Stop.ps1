# Dot-sourced by every *.Tests.ps1 in its AfterAll: the reverse of TestSession.Start.ps1.
Disconnect-Altostrat
Get-AltoRouterSession -ErrorAction SilentlyContinue | Disconnect-AltoRouter -Confirm:$false
Remove-Module Altostrat -ErrorAction SilentlyContinue
Stop-BuiltEmulator $script:Emulator
