// Fix providers beyond a rule's own operations. Each returns candidates for a finding; the fix
// layer renders and verifies every candidate the same way as a rule's fix. Least-privilege
// providers (fix/iam/, fix/cidr/) are added to this list by their owners.
import type { FixProvider } from './types';
import { trustedCidrFixes } from './cidr';
import { scopeResourceFixes, trustActionFixes, wildcardActionFixes } from './iam';
import { moduleInputFixes } from './module-inputs';

export const DEFAULT_PROVIDERS: FixProvider[] = [scopeResourceFixes, wildcardActionFixes, trustActionFixes, trustedCidrFixes, moduleInputFixes];
