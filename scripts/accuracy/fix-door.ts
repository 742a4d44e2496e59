// The part of the fix layer's door (server/src/fix/index.ts) the harness uses. Behind an
// interface so `--no-fix` (and tests) can run the harness without fix checks; fix success is then n/a.
import { applyEdits, explainFixes, fixAllInFile, type FixContext, type FixTextEdit, type RejectedFix } from '../../server/src/fix';
import type { Finding } from '../../server/src/policy';

export interface FixDoor {
  fixAllInFile(file: string, findings: Finding[], context: FixContext): Promise<{ edits: FixTextEdit[]; fixed: Finding[]; skipped: Finding[] }>;
  applyEdits(text: string, edits: FixTextEdit[]): string;
  /** Why a finding got no verified fix (each rejected candidate with its reason). */
  rejectedFixes(finding: Finding, context: FixContext): Promise<RejectedFix[]>;
}

export type FixDoorState = { door: FixDoor } | { door?: undefined; reason: string };

export function fixLayerDoor(): FixDoorState {
  return {
    door: {
      fixAllInFile: (file, findings, context) => fixAllInFile(file, findings, context),
      applyEdits,
      rejectedFixes: async (finding, context) => (await explainFixes(finding, context)).rejected,
    },
  };
}

export function noFixDoor(reason: string): FixDoorState {
  return { reason };
}
