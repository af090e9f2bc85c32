# Desired state of 127.0.0.1:18728 (/ip/dns, /system/ntp/client, /ip/firewall/filter), exported 2026-12-02 17:13:57Z
@{
    '/ip/dns' = @{
        'servers' = '9.9.9.9'
        'allow-remote-requests' = 'false'
        'cache-size' = '2048KiB'
        'cache-max-ttl' = '1w'
    }
    '/system/ntp/client' = @{
        'enabled' = 'false'
        'servers' = '9.9.9.9'
        'mode' = 'unicast'
    }
    '/ip/firewall/filter' = @{
        'Key' = @('chain', 'comment')
        'Absent' = 'Ignore'
        'Order' = $true
        'Entries' = @(
            @{
                'chain' = 'input'
                'action' = 'accept'
                'connection-state' = 'established,related'
                'log' = 'false'
                'log-prefix' = ''
                'disabled' = 'false'
                'comment' = 'accept established'
            }
            @{
                'chain' = 'input'
                'action' = 'drop'
                'in-interface' = 'ether1'
                'log' = 'false'
                'log-prefix' = ''
                'disabled' = 'false'
                'comment' = 'drop all from WAN'
            }
        )
    }
}

