# Saves a backup and an export, mails both, then removes the local copies.
:local sysname [/system identity get name]
:local date [/system clock get date]
:local stamp ([:pick $date 0 4] . [:pick $date 5 7] . [:pick $date 8 10])
:local base ($sysname . "-" . $stamp)

/system backup save name=$base dont-encrypt=no
/export terse file=$base
:delay 3s

:do {
    /tool e-mail send to="noc@example.net" subject="Backup $sysname $date" \
        body="Attached: backup and export of $sysname ($[/system resource get version])." \
        file=($base . ".backup," . $base . ".rsc")
} on-error={
    :log error "backup mail for $sysname failed"
}
:delay 10s
/file remove [find name~"^$base"]
:log info "backup of $sysname mailed"
