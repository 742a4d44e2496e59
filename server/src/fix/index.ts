// The fix layer's door (DESIGN.md layer 4, docs/fixes.md): a finding's fix operations and the
// providers' candidates → text edits that keep the user's formatting, offered only once verified
// by re-parsing and re-scanning the unit. Surfaces import the fix layer only through this file.
export type { FixTextEdit, VerifiedFix, FixCandidate, FixContext, FixProvider } from './types';
export { fixesForFinding, explainFixes, fixAllInFile } from './fixes';
export type { FixReport, RejectedFix, FixAllResult } from './fixes';
export { applyEdits } from './edits';
export { DEFAULT_PROVIDERS } from './providers';
export { renderValue, quoteString } from './hcl-values';
