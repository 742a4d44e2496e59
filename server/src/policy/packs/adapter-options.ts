// Which input shape a pack's rules read (docs/rule-packs.md "Input shapes"): the source's options
// in `.palisade.yaml` win over the bundle manifest's `metadata.palisade` (or `metadata.conftest`),
// and a pack that declares nothing is Conftest-style when it has no METADATA rule but `deny`,
// `violation` or `warn` rules in its namespaces (`main` by default, as Conftest's `--namespace`).
import type { PreparedPolicy } from '../../rego';
import { DEFAULT_RULE_BUDGET } from '../evaluate';
import { isInputShape, looksLikeConftest, type AdapterOptions, type InputShape } from '../adapters';
import { isSeverity, type RuleSeverity } from '../types';
import type { PackSource } from './types';

export interface PackAdapter {
  shape: InputShape;
  /** How the shape was decided, for `packs list` and diagnostics. */
  reason: 'source' | 'manifest' | 'detected' | 'default';
  options: Omit<AdapterOptions, 'shape'>;
}

/** The shape the source or manifest declares, if any; detection needs the compiled policy (`adapterFor`). */
export function declaredAdapter(source: PackSource, metadata: Record<string, unknown> | undefined): PackAdapter | undefined {
  const own = palisadeMetadata(metadata);
  const options = adapterOptions(source, own);
  const fromSource = source.input ?? (source.conftest === true ? 'conftest' : undefined);
  if (fromSource) return { shape: fromSource, reason: 'source', options };
  const fromManifest = isInputShape(own.input) ? own.input : own.conftest === true || metadata?.conftest === true ? 'conftest' : undefined;
  if (fromManifest) return { shape: fromManifest, reason: 'manifest', options };
  return undefined;
}

/** Declared, else detected from the pack's rules (unless `conftest: false`), else Palisade's model. */
export function adapterFor(source: PackSource, metadata: Record<string, unknown> | undefined, policy: PreparedPolicy | undefined, hasMetadataRules: boolean): PackAdapter {
  const declared = declaredAdapter(source, metadata);
  if (declared) return declared;
  const options = adapterOptions(source, palisadeMetadata(metadata));
  const detect = source.conftest !== false && palisadeMetadata(metadata).conftest !== false && metadata?.conftest !== false;
  if (detect && policy && !hasMetadataRules && looksLikeConftest(policy, options.namespaces)) return { shape: 'conftest', reason: 'detected', options };
  return { shape: 'palisade', reason: 'default', options };
}

function adapterOptions(source: PackSource, own: Record<string, unknown>): Omit<AdapterOptions, 'shape'> {
  const manifestNamespaces = own.all_namespaces === true ? 'all' : Array.isArray(own.namespaces) && own.namespaces.every((n) => typeof n === 'string') ? (own.namespaces as string[]) : undefined;
  const severity = (v: unknown): RuleSeverity | undefined => (isSeverity(v) ? v : undefined);
  return {
    namespaces: source.namespaces ?? manifestNamespaces ?? ['main'],
    severity: source.severity ?? severity(own.severity) ?? 'high',
    warnSeverity: source.warnSeverity ?? severity(own.warn_severity) ?? 'low',
    budget: DEFAULT_RULE_BUDGET,
  };
}

function palisadeMetadata(metadata: Record<string, unknown> | undefined): Record<string, unknown> {
  const own = metadata?.palisade;
  return typeof own === 'object' && own !== null && !Array.isArray(own) ? (own as Record<string, unknown>) : {};
}
