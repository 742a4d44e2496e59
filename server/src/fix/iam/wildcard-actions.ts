// Wildcard actions (`s3:*`, `s3:Get*`): expand them to the explicit actions they grant today, or
// narrow them to an access level (read-only = List + Read; read-write adds Write and Tagging,
// never Permissions management). Each title says how many actions the statement then grants.
import type { Finding } from '../../policy';
import type { FixCandidate, FixContext } from '../types';
import { actionId, expandActionPattern, isActionPattern, type AccessLevel, type IamAction } from './data/iam-data';
import { replaceFieldEdit } from './render';
import { statementSite, stringList } from './statement-site';

export const ACTIONS_SOURCE = 'iam-actions';

/** More explicit actions than this in one statement is not a readable fix. */
const MAX_EXPANDED = 250;

const NARROWINGS: { label: string; levels: ReadonlySet<AccessLevel> }[] = [
  { label: 'read-only', levels: new Set<AccessLevel>(['List', 'Read']) },
  { label: 'read-write', levels: new Set<AccessLevel>(['List', 'Read', 'Write', 'Tagging']) },
];

export function wildcardActionFixes(finding: Finding, context: FixContext): FixCandidate[] {
  const site = statementSite(finding, context);
  if (!site || site.statement.Effect !== 'Allow' || site.statement.NotAction !== undefined) return [];
  const actions = stringList(site.statement.Action);
  if (!actions) return [];
  const patterns = actions.filter(isActionPattern);
  const expansions = new Map<string, IamAction[]>();
  for (const p of patterns) {
    const expanded = expandActionPattern(p);
    if (expanded && expanded.length > 0) expansions.set(p, expanded);
  }
  if (expansions.size === 0) return [];
  const kept = actions.filter((a) => !expansions.has(a));
  const granted = (keep: (a: IamAction) => boolean) => {
    const out = new Map<string, string>();
    for (const a of kept) out.set(a.toLowerCase(), a);
    for (const list of expansions.values()) for (const a of list) if (keep(a)) out.set(actionId(a).toLowerCase(), actionId(a));
    return [...out.values()];
  };
  const all = granted(() => true);
  const wildcards = [...expansions.keys()].join(', ');
  const fromWildcards = (keep: (a: IamAction) => boolean) => new Set([...expansions.values()].flat().filter(keep).map(actionId)).size;
  const today = fromWildcards(() => true);
  const candidates: FixCandidate[] = [];
  // Titles count what the wildcards become; the detail counts the whole statement.
  const offer = (title: string, list: string[]) => {
    if (list.length === 0 || list.length > MAX_EXPANDED) return;
    const edit = replaceFieldEdit(site, 'Action', list.map((literal) => ({ literal })));
    const detail = `the statement grants ${list.length} explicit actions (${wildcards} matches ${today} today and any AWS adds later)`;
    if (edit) candidates.push({ title, source: ACTIONS_SOURCE, detail, edits: [edit] });
  };
  offer(`Expand ${wildcards} to the explicit list (${today} actions)`, all);
  for (const n of NARROWINGS) {
    const keep = (a: IamAction) => n.levels.has(a.accessLevel);
    const count = fromWildcards(keep);
    if (count > 0 && count < today) offer(`Narrow ${wildcards} to ${n.label} (${count} actions)`, granted(keep));
  }
  return candidates;
}
