/ip firewall address-list
add address=203.0.113.0/24 list=management
/ip firewall filter
add action=accept chain=input src-address-list=management comment="mgmt"
add action=drop chain=input in-interface-list=!LAN comment="drop everything else"
/ip service
set telnet disabled=yes
set ftp disabled=yes
set www address=203.0.113.0/24
/user
set [find name=admin] password="Str0ng\?Pass\$"
/system reboot
