// The trusted-CIDR fix provider for rules open to 0.0.0.0/0 or ::/0.
export { trustedCidrFixes, isPublicCidr, CIDR_SOURCE } from './trusted-cidrs';
