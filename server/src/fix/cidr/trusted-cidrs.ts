// Security group rules open to the internet (0.0.0.0/0, ::/0): replace the public CIDR with the
// trusted CIDRs of `.palisade.yaml` (`fix: trusted_cidrs:`), or, when none are configured, with
// `var.trusted_cidrs`, declaring that variable in the module (variables.tf when it exists). The
// fix never widens access: only public entries are replaced, other entries stay, a configured
// list that itself contains a public CIDR is not used, and public IPv6 entries of the same rule
// are removed (or replaced by configured IPv6 CIDRs) rather than kept.
import type { ModelValue } from '../../iac/model';
import type { Finding } from '../../policy';
import { quoteString } from '../hcl-values';
import { indentAt, newlineOf } from '../layout';
import type { FixCandidate, FixContext, FixTextEdit } from '../types';
import { absolutePath, unitAnalysis } from '../verify';
import { nodeAt } from '../iam/statement-site';

export const CIDR_SOURCE = 'trusted-cidrs';
const VARIABLE = 'trusted_cidrs';

export function isPublicCidr(value: string): boolean {
  return /^\s*(0\.0\.0\.0|::|0:0:0:0:0:0:0:0)\/0\s*$/.test(value);
}

const isIpv6 = (cidr: string) => cidr.includes(':');

export function trustedCidrFixes(finding: Finding, context: FixContext): FixCandidate[] {
  const path = finding.path ?? [];
  if (!finding.resource || path.length === 0) return [];
  const last = path[path.length - 1];
  const listKey = typeof last === 'number' ? path[path.length - 2] : last;
  const parentPath = path.slice(0, typeof last === 'number' ? -2 : -1);
  if (listKey !== 'cidr_blocks' && listKey !== 'ipv6_cidr_blocks' && listKey !== 'cidr_ipv4' && listKey !== 'cidr_ipv6') return [];
  // Only now is the unit analysed: most findings are not about CIDRs.
  const analysis = unitAnalysis(context);
  const resource = analysis.model.resources.find((r) => r.address === finding.resource);
  const root = analysis.sourceMaps.get(finding.resource);
  if (!resource || !root) return [];
  const parent = valueAt(resource.config, parentPath);
  if (!isRecord(parent)) return [];
  const file = root.range.file;
  const text = context.host.readFile(absolutePath(context.root, file));
  if (text === undefined) return [];
  const configured = context.config.fix.trustedCidrs;
  // A configured list that admits everyone would not narrow anything.
  if (configured.some(isPublicCidr)) return [];
  const trusted4 = configured.filter((c) => !isIpv6(c));
  const trusted6 = configured.filter(isIpv6);
  const useVariable = configured.length === 0;
  const edits: FixTextEdit[] = [];
  const replaceList = (key: string, replacement: string[], variable: boolean): boolean => {
    const node = nodeAt(root, [...parentPath, key]);
    const values = parent[key];
    if (!node?.valueRange || !node.items || !Array.isArray(values) || node.items.length !== values.length) return false;
    const kept = values.filter((v) => !(typeof v === 'string' && isPublicCidr(v)));
    if (!kept.every((v) => typeof v === 'string')) return false;
    // The replacement takes the place of the (first) public entry; the other entries stay put.
    const literals: string[] = [];
    for (const v of values as string[]) {
      if (!isPublicCidr(v)) literals.push(v);
      else if (!literals.some((c) => replacement.includes(c))) literals.push(...replacement.filter((c) => !kept.includes(c)));
    }
    const list = `[${literals.map(quoteString).join(', ')}]`;
    const newText = variable ? (kept.length === 0 ? `var.${VARIABLE}` : `concat(var.${VARIABLE}, [${(kept as string[]).map(quoteString).join(', ')}])`) : list;
    edits.push({ file, start: node.valueRange.start, end: node.valueRange.end, newText });
    return true;
  };
  const publicIn = (key: string) => Array.isArray(parent[key]) && (parent[key] as ModelValue[]).some((v) => typeof v === 'string' && isPublicCidr(v));

  let title: string;
  if (listKey === 'cidr_blocks') {
    if (!useVariable && trusted4.length === 0) return [];
    if (!replaceList('cidr_blocks', trusted4, useVariable)) return [];
    // IPv6 entries are never widened to the IPv4 list: replaced by configured IPv6 CIDRs or removed.
    if (publicIn('ipv6_cidr_blocks') && !replaceList('ipv6_cidr_blocks', trusted6, false)) return [];
    title = useVariable ? `Restrict to var.${VARIABLE} instead of the internet` : `Restrict to trusted CIDRs (${trusted4.join(', ')})`;
  } else if (listKey === 'ipv6_cidr_blocks') {
    if (!replaceList('ipv6_cidr_blocks', trusted6, false)) return [];
    title = trusted6.length > 0 ? `Restrict to trusted CIDRs (${trusted6.join(', ')})` : 'Remove the public IPv6 range';
  } else {
    const trusted = listKey === 'cidr_ipv4' ? trusted4 : trusted6;
    const node = nodeAt(root, [...parentPath, listKey]);
    if (!node?.valueRange || resource.index !== undefined) return [];
    if (trusted.length === 1) {
      edits.push({ file, start: node.valueRange.start, end: node.valueRange.end, newText: quoteString(trusted[0]) });
      title = `Restrict to trusted CIDR ${trusted[0]}`;
    } else if (listKey === 'cidr_ipv4' && (useVariable || trusted.length > 1)) {
      // One rule resource per trusted CIDR.
      const set = useVariable ? `var.${VARIABLE}` : `[${trusted.map(quoteString).join(', ')}]`;
      const indent = indentAt(text, root.range.start) + '  ';
      const open = text.indexOf('{', root.nameRange?.end ?? root.range.start);
      if (open < 0) return [];
      edits.push({ file, start: open + 1, end: open + 1, newText: `${newlineOf(text)}${indent}for_each = toset(${set})` });
      edits.push({ file, start: node.valueRange.start, end: node.valueRange.end, newText: 'each.value' });
      title = useVariable ? `Restrict to var.${VARIABLE} (one rule per CIDR)` : `Restrict to trusted CIDRs (${trusted.join(', ')}), one rule each`;
    } else return [];
  }
  if (useVariable && edits.some((e) => e.newText.includes(`var.${VARIABLE}`))) {
    const declaration = variableDeclarationEdit(context, file, text);
    if (declaration) edits.push(declaration);
  }
  return [{ title, source: CIDR_SOURCE, detail: 'replaces the public CIDR; other entries are kept', edits: edits.sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start) }];
}

/** `variable "trusted_cidrs"` in the module's variables.tf (or the edited file), unless declared. */
function variableDeclarationEdit(context: FixContext, file: string, text: string): FixTextEdit | undefined {
  const slash = file.lastIndexOf('/');
  const dirRel = slash < 0 ? '' : file.slice(0, slash);
  const dirAbs = absolutePath(context.root, dirRel || '.').replace(/\/\.$/, '');
  const names = (context.host.listDir(dirAbs) ?? []).filter((n) => n.endsWith('.tf'));
  const declared = new RegExp(`variable\\s+"?${VARIABLE}"?\\s*\\{`);
  for (const n of names) if (declared.test(context.host.readFile(`${dirAbs}/${n}`) ?? '')) return undefined;
  const target = names.includes('variables.tf') ? `${dirRel ? dirRel + '/' : ''}variables.tf` : file;
  const targetText = target === file ? text : context.host.readFile(absolutePath(context.root, target)) ?? '';
  const nl = newlineOf(targetText);
  const lead = targetText.length === 0 || targetText.endsWith('\n') ? '' : nl;
  const block = [
    `variable "${VARIABLE}" {`,
    `  description = "CIDR blocks trusted to reach rules that were open to the internet."`,
    `  type        = list(string)`,
    `}`,
  ].join(nl);
  return { file: target, start: targetText.length, end: targetText.length, newText: `${lead}${nl}${block}${nl}` };
}

function valueAt(config: ModelValue, path: readonly (string | number)[]): ModelValue | undefined {
  let v: ModelValue | undefined = config;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Array.isArray(v) ? (typeof step === 'number' ? v[step] : undefined) : typeof step === 'string' ? v[step] : undefined;
  }
  return v;
}

function isRecord(v: ModelValue | undefined): v is { [key: string]: ModelValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

