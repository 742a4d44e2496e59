// `# METADATA` comment blocks → Annotation (OPA's annotations: block detection, YAML decoding,
// attachment to the next statement and the scope checks, with OPA's messages).
import { parse as parseYaml } from 'yaml';
import type { Annotation, Comment, Loc } from './ast';

export interface MetadataBlock {
  /** The `# METADATA` comment. */
  head: Comment;
  /** The comments that follow it on consecutive lines, starting in column 1. */
  lines: Comment[];
  loc: Loc;
}

export interface BlockError {
  message: string;
  loc: Loc;
}

/**
 * Groups comments into METADATA blocks: a comment whose text starts with `METADATA` opens a block,
 * and each following comment on the next line belongs to it. OPA requires those lines to start in
 * column 1; we also accept indented ones (nothing but spaces before the `#`), so a re-indented
 * block still reads as metadata instead of an empty block.
 */
export function metadataBlocks(comments: Comment[], text: string, rowOf: (offset: number) => number): MetadataBlock[] {
  const blocks: MetadataBlock[] = [];
  let cur: MetadataBlock | undefined;
  let prevLine = -1;
  for (const c of comments) {
    const line = rowOf(c.loc.start);
    if (cur) {
      if (line === prevLine + 1 && startsLine(text, c.loc.start)) {
        cur.lines.push(c);
        cur.loc = { start: cur.loc.start, end: c.loc.end };
        prevLine = line;
        continue;
      }
      cur = undefined;
    }
    if (c.text.trim().startsWith('METADATA')) {
      cur = { head: c, lines: [], loc: { ...c.loc } };
      blocks.push(cur);
    }
    prevLine = line;
  }
  return blocks;
}

export interface DecodedBlock {
  fields?: Record<string, unknown>;
  error?: BlockError;
}

/** Decodes a block's YAML (one leading space of each comment removed, as OPA does). */
export function decodeBlock(block: MetadataBlock): DecodedBlock {
  const yamlText = block.lines.map((c) => (c.text.startsWith(' ') ? c.text.slice(1) : c.text) + '\n').join('');
  if (yamlText.trim() === '') return { error: { message: 'expected METADATA block, found whitespace', loc: block.head.loc } };
  let doc: unknown;
  try {
    doc = parseYaml(yamlText, { prettyErrors: false, uniqueKeys: false, strict: false });
  } catch (e) {
    const err = e as { message?: string; linePos?: { line: number }[] };
    const line = err.linePos?.[0]?.line;
    const at = line !== undefined ? block.lines[Math.min(line, block.lines.length - 1)] : block.lines[0];
    const first = (err.message ?? 'invalid YAML').split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { error: { message: `yaml: ${line !== undefined ? `line ${line}: ` : ''}${first}`, loc: (at ?? block.head).loc } };
  }
  if (doc === null || doc === undefined) return { fields: {} };
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    return { error: { message: 'yaml: unmarshal errors: cannot unmarshal into annotations', loc: block.lines[0]?.loc ?? block.head.loc } };
  }
  return { fields: doc as Record<string, unknown> };
}

export type StatementKind = 'package' | 'import' | 'rule';

export interface AttachTarget {
  kind: StatementKind;
  /** Start offset of the statement (its row decides attachment). */
  start: number;
  /** Index into module.rules for rules; -1 otherwise. */
  ruleIndex: number;
}

const SCOPES = ['rule', 'document', 'package', 'subpackages'];

/**
 * Attaches each decoded block to the first statement on a later line and applies OPA's scope rules
 * (default scope from the statement kind; `rule`/`document` need a rule, `package`/`subpackages`
 * a package; `entrypoint` only with document or package scope).
 */
export function attachAnnotations(
  blocks: { block: MetadataBlock; fields: Record<string, unknown> }[],
  targets: AttachTarget[],
  rowOf: (offset: number) => number,
): { annotations: Annotation[]; errors: BlockError[] } {
  const annotations: Annotation[] = [];
  const errors: BlockError[] = [];
  if (blocks.length === 0) return { annotations, errors };
  // Targets come in source order, so their rows ascend: binary-search the first one below a block.
  const targetRows = targets.map((t) => rowOf(t.start));
  const firstTargetAfter = (row: number): AttachTarget | undefined => {
    let lo = 0;
    let hi = targets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (targetRows[mid] > row) hi = mid;
      else lo = mid + 1;
    }
    return targets[lo];
  };
  for (const { block, fields } of blocks) {
    const row = rowOf(block.head.loc.start);
    const node = firstTargetAfter(row);
    let scope = typeof fields.scope === 'string' ? fields.scope : fields.scope === undefined || fields.scope === null ? '' : String(fields.scope);
    const entrypoint = fields.entrypoint === true;
    if (scope === '' && node) {
      if (node.kind === 'rule') scope = entrypoint ? 'document' : 'rule';
      else if (node.kind === 'package') scope = 'package';
      else scope = 'import';
    }
    const have = node ? ` (have ${node.kind})` : '';
    const loc = block.head.loc;
    if (scope === 'rule' || scope === 'document') {
      if (node?.kind !== 'rule') errors.push({ message: `annotation scope '${scope}' must be applied to rule${have}`, loc });
    } else if (scope === 'package' || scope === 'subpackages') {
      if (node?.kind !== 'package') errors.push({ message: `annotation scope '${scope}' must be applied to package${have}`, loc });
    } else {
      errors.push({ message: `invalid annotation scope '${scope}'. Use one of 'rule', 'document', 'package', or 'subpackages'`, loc });
    }
    if (entrypoint && scope !== 'document' && scope !== 'package') {
      errors.push({ message: `annotation entrypoint applied to non-document or package scope '${scope}'`, loc });
    }
    if (SCOPES.includes(scope)) {
      annotations.push({
        scope: scope as Annotation['scope'],
        fields: { ...fields, scope },
        loc: block.loc,
        target: node && node.kind === 'rule' ? node.ruleIndex : -1,
      });
    }
  }
  return { annotations, errors };
}

/** Only blanks between the start of the line and `offset`. */
function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
