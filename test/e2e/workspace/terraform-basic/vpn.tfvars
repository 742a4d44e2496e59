# Production: SSH only from the corporate VPN.
admin_cidrs = ["10.20.0.0/16"]
