// OPA's CheckRuleConflicts: rules of different kinds or arities at one path, a single-value rule
// with rules inside its extent, and more than one `default` rule for a path.
import type { Rule } from '../syntax/ast';
import { StageErrors } from './model';
import type { Resolved, ResolvedModule } from './resolve';
import { buildRuleTree, isGroundPath, pathText, type RuleNode } from './tree';

function isMultiValue(r: Rule): boolean {
  return !!r.head.key && !r.head.value;
}

/** Full paths of every rule below `node` (not at it), shortest prefixes kept, sorted. */
function descendantPaths(node: RuleNode): string[] {
  const paths = new Set<string>();
  for (const c of node.sortedChildren()) c.depthFirst((d) => void d.values.forEach((v) => paths.add(pathText(v.path))));
  const sorted = [...paths].sort();
  return sorted.filter((p) => !sorted.some((q) => q !== p && (p.startsWith(q + '.') || p.startsWith(q + '['))));
}

export function checkRuleConflicts(modules: ResolvedModule[], errs: StageErrors): void {
  const root = buildRuleTree(modules);
  root.depthFirst((node) => {
    if (node.values.length === 0) return;
    const kinds = new Set<boolean>();
    const arities = new Set<number>();
    let defaults = 0;
    let complete = 0;
    let partial = 0;
    let conflicts: string[] | undefined;
    let name = '';
    for (const r of node.values) {
      const rule = r.rule;
      name = pathText(r.path);
      kinds.add(isMultiValue(rule));
      arities.add(rule.head.args?.length ?? 0);
      if (rule.default) defaults++;
      const ground = isGroundPath(r.path);
      if (ground && node.children.size > 0) conflicts = descendantPaths(node);
      if (!isMultiValue(rule) && ground) complete++;
      else partial++;
    }
    const first: Resolved = node.values[0];
    if (conflicts) {
      errs.add('rego_type_error', `rule ${name} conflicts with [${conflicts.join(' ')}]`, first.m, first.source.loc);
    } else if (kinds.size > 1 || arities.size > 1 || (complete >= 1 && partial >= 1)) {
      errs.add('rego_type_error', `conflicting rules ${name} found`, first.m, first.source.loc);
    } else if (defaults > 1) {
      const at = node.values.filter((r) => r.rule.default).map((r) => `${r.m.file}:${r.m.lines.position(r.source.loc.start).row}`);
      errs.addAt('rego_type_error', `multiple default rules ${name} found at ${at.join(', ')}`, first.m, 1, 1);
    }
  });
}
