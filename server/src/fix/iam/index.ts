// Least-privilege IAM fix providers: scope `Resource = "*"` to the module's resources, and expand
// or narrow wildcard actions, in whichever of the three forms the policy document is written.
export { scopeResourceFixes, SCOPE_SOURCE } from './scope-resources';
export { wildcardActionFixes, ACTIONS_SOURCE } from './wildcard-actions';
