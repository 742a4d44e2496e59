// Text of the Rule Packs view's rows (no VS Code API here, so the labels are unit-tested in node).
import { counted } from '../../server/src/shared/plural';
import type { PackRow } from '../../server/src/shared/packs-messages';

/** The pack row's description: version (or revision, or short HEAD), rule count, signed, not loaded. */
export function packDescription(pack: PackRow): string {
  const version = pack.version ?? pack.revision ?? (pack.head ? pack.head.slice(0, 12) : undefined);
  const parts = [version, counted(pack.ruleIds.length, 'rule'), pack.signed ? 'signed' : undefined, pack.loaded ? undefined : 'not loaded'];
  return parts.filter((p) => p !== undefined).join(' · ');
}

/** The last line of the pack row's tooltip: what runs and how many problems the pack has. */
export function packSummary(pack: PackRow): string {
  const errors = pack.problems.filter((p) => p.severity === 'error').length;
  const warnings = pack.problems.filter((p) => p.severity === 'warning').length;
  return `${counted(pack.ruleIds.length, 'rule')} running${pack.signed ? ', signature verified' : ''}; ${counted(errors, 'error')}, ${counted(warnings, 'warning')}`;
}
