// Least-privilege IAM fix providers: scope `Resource = "*"` to the module's resources, expand or
// narrow wildcard actions, and give a trust policy's `Action = "*"` the assume action its principal
// needs, in whichever of the three forms the policy document is written.
export { scopeResourceFixes, SCOPE_SOURCE } from './scope-resources';
export { wildcardActionFixes, ACTIONS_SOURCE } from './wildcard-actions';
export { trustActionFixes, TRUST_SOURCE } from './trust-actions';
