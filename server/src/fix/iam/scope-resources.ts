// `Resource = "*"` on a statement whose actions apply to resource types: scope it to the ARNs of
// resources of the same module those actions apply to (`s3:GetObject` → `${aws_s3_bucket.b.arn}/*`,
// `s3:ListBucket` → `aws_s3_bucket.b.arn`). One candidate per target resource, plus one for all
// of them, each offered only when its targets serve every action that has resource types; never
// offered when the module has none. Actions that support only `"*"` move to a sibling statement
// that keeps `"*"`. An action pattern (`s3:*`) stays whole on the scoped statement.
// iam:PassRole is never scoped to a role the scan found privileged (it can escalate, IAM-015, or
// holds AdministratorAccess, IAM-007): passing it to a service is the escalation the fix removes.
// Nor to a role no service the policy acts on can assume: a role is passed to a service that then
// assumes it, so when the document grants actions of services that take roles (ecs:RunTask → ECS
// tasks), a role that trusts none of them (a Lambda's own role) would break the call it is for;
// CloudFormation and `*` actions may pass a role to any service, and narrow nothing. A statement
// conditioned on iam:PassedToService (StringEquals / StringLike with known values) passes roles only
// to those services: it is offered only roles that trust one of them (or whose trust is not known).
// Never offered when the actions are not written in the statement itself (`actions = var.x`): a
// module's callers choose them, and the targets fit only the value this evaluation saw (clouddrove's
// lambda module grants `var.iam_actions` on "*"; its example passes s3 and ec2 actions, which a
// Resource scoped to the function's log group would take away).
import type { ModelResource, ModelValue } from '../../iac/model';
import type { Finding } from '../../policy';
import type { FixCandidate, FixContext, FixTextEdit } from '../types';
import { actionPatternRegExp, expandActionPattern, isActionPattern, lookupAction } from './data/iam-data';
import { replaceFieldEdit, siblingStatementEdit, type PolicyItem } from './render';
import { mappingsFor } from './resource-arns';
import { isObject, slice, statementSite, stringList, type StatementSite } from './statement-site';

export const SCOPE_SOURCE = 'iam-scope';

/** Single-resource candidates offered at most (the "all of them" candidate comes on top). */
const MAX_TARGETS = 5;

interface ActionScope {
  action: string;
  /** `service:resourceType` keys the action (or every action a pattern matches) applies to. */
  types: Set<string>;
  /** False for actions the data does not know: they are never moved or scoped by guesswork. */
  known: boolean;
}

export function scopeResourceFixes(finding: Finding, context: FixContext): FixCandidate[] {
  const site = statementSite(finding, context);
  if (!site || !scopable(site)) return [];
  const actions = stringList(site.statement.Action)!;
  const scopes = actions.map(actionScope);
  if (scopes.some((s) => !s.known)) return [];
  const passes = passesRoles(scopes);
  const privileged = passes ? privilegedRoles(site, context) : new Set<string>();
  // An iam:PassedToService condition says exactly where the statement's roles go; without one, the
  // services the document acts on are where they are likely to go.
  const passedTo = passes ? passedToServices(site.statement) : undefined;
  const receivers = passes && !passedTo ? receivingServices(site) : undefined;
  const passable = (r: ModelResource) => (passedTo ? trustsAllowedService(r, passedTo) : assumableBy(r, receivers));
  const targets = targetResources(site, scopes)
    .filter((t) => !privileged.has(t.resource.address) && passable(t.resource));
  if (targets.length === 0) return [];
  const sets = targets.slice(0, MAX_TARGETS).map((t) => [t]);
  if (targets.length > 1) sets.push(targets);
  const out: FixCandidate[] = [];
  for (const set of sets) {
    const c = candidateFor(site, scopes, set);
    if (c) out.push(c);
  }
  return out;
}

function scopable(site: StatementSite): boolean {
  const s = site.statement;
  if (s.Effect !== 'Allow' || s.NotAction !== undefined || s.NotResource !== undefined || s.Principal !== undefined) return false;
  const resources = stringList(s.Resource);
  const actions = stringList(s.Action);
  return resources !== undefined && resources.includes('*') && actions !== undefined && actions.length > 0 && !actions.some((a) => a === '*' || a.startsWith('*:'))
    && actionsWritten(site);
}

/**
 * Whether the statement's actions are written in it as literals: JSON text without `${`/`%{`
 * interpolation, or an HCL string or list of strings. An expression (`var.iam_actions`,
 * `local.x`, `concat(...)`) takes its value from elsewhere, possibly from each caller.
 */
function actionsWritten(site: StatementSite): boolean {
  const field = site.node.fields?.Action;
  if (!field || field.range.file !== site.file) return false;
  let text: string;
  if (site.form === 'document') {
    const eq = site.text.indexOf('=', field.nameRange?.end ?? field.range.start);
    if (eq < 0 || eq >= field.range.end) return false;
    text = site.text.slice(eq + 1, field.range.end);
  } else {
    if (!field.valueRange) return false;
    text = slice(site.text, field.valueRange);
  }
  if (/[$%]\{/.test(text)) return false;
  if (site.form === 'json-heredoc' || site.form === 'json-quoted') return true;
  return /^[\s[\],]*$/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, ''));
}

function actionScope(action: string): ActionScope {
  const types = new Set<string>();
  const add = (service: string, resourceTypes: string[]) => resourceTypes.forEach((t) => types.add(`${service}:${t}`));
  if (isActionPattern(action)) {
    const expanded = expandActionPattern(action);
    expanded?.forEach((a) => add(a.service, a.resourceTypes));
    return { action, types, known: expanded !== undefined && expanded.length > 0 };
  }
  const a = lookupAction(action);
  if (a) add(a.service, a.resourceTypes);
  return { action, types, known: a !== undefined };
}

interface Target {
  resource: ModelResource;
  /** The resource's address as written inside its module (`aws_s3_bucket.b`, `aws_s3_bucket.b[0]`). */
  local: string;
  /** IAM resource type keys it provides, with the ARN item for each. */
  arns: Map<string, PolicyItem>;
}

/** Managed resources of the policy's module that serve at least one of the statement's resource types. */
function targetResources(site: StatementSite, scopes: ActionScope[]): Target[] {
  const wanted = new Set(scopes.flatMap((s) => [...s.types]));
  const module = site.resource.module ?? '';
  const out: Target[] = [];
  for (const r of site.analysis.model.resources) {
    if ((r.module ?? '') !== module) continue;
    // Instances Terraform keys but the model could not expand have no address to write.
    if (r.unexpanded) continue;
    const local = module ? r.address.slice(module.length + 1) : r.address;
    const arns = new Map<string, PolicyItem>();
    for (const key of wanted) {
      const [service, type] = splitKey(key);
      for (const m of mappingsFor(service, type)) if (m.terraformType === r.type) arns.set(key, m.arn(local));
    }
    if (arns.size > 0) out.push({ resource: r, local, arns });
  }
  return out;
}

/** Whether an action pattern of the statement matches iam:PassRole (`*`, `*:*`, `iam:Pass*`, `iam:P?ssRole`…). */
function passesRoles(scopes: ActionScope[]): boolean {
  return scopes.some((s) => actionPatternRegExp(s.action).test('iam:PassRole'));
}

/**
 * Roles of the unit the scan reported as privileged: IAM-015 (they hold an escalation path, which
 * a "*" document or IAMFullAccess also gives) or IAM-007 (AdministratorAccess, on the role itself
 * or on an attachment naming it). Addresses, each role's instances included. Empty when the caller
 * passed no findings.
 */
function privilegedRoles(site: StatementSite, context: FixContext): Set<string> {
  const out = new Set<string>();
  const model = site.analysis.model.resources;
  const roles = model.filter((m) => m.type === 'aws_iam_role');
  for (const f of context.unitFindings ?? []) {
    if (f.ruleId !== 'PAL-AWS-IAM-015' && f.ruleId !== 'PAL-AWS-IAM-007') continue;
    const r = model.find((m) => m.address === f.resource);
    if (!r) continue;
    if (r.type === 'aws_iam_role') {
      out.add(r.address);
      continue;
    }
    // An attachment: the role it names by reference (`aws_iam_role.x.name`), or by its known name.
    // Targets are written as full addresses (lib/tf refers_to); a module-local spelling is accepted too.
    const prefix = r.module ? `${r.module}.` : '';
    const targets = r.references.filter((ref) => ref.path[0] === 'role' || ref.path[0] === 'roles')
      .flatMap((ref) => (prefix && !ref.target.startsWith(prefix) ? [ref.target, prefix + ref.target] : [ref.target]));
    const names = [r.config.role, ...(Array.isArray(r.config.roles) ? r.config.roles : [])].filter((n): n is string => typeof n === 'string');
    for (const m of roles) {
      if (m.module !== r.module) continue;
      const named = targets.some((t) => m.address === t || m.address.startsWith(`${t}[`)) || (typeof m.config.name === 'string' && names.includes(m.config.name));
      if (named) out.add(m.address);
    }
  }
  return out;
}

/**
 * Service principals that assume the roles passed by actions of each service (the services whose
 * API calls take a role: ECS task definitions and tasks, Lambda functions, instance profiles…).
 */
const ROLE_TAKERS: Record<string, string[]> = {
  ecs: ['ecs-tasks.amazonaws.com', 'ecs.amazonaws.com'],
  lambda: ['lambda.amazonaws.com', 'edgelambda.amazonaws.com'],
  ec2: ['ec2.amazonaws.com'],
  autoscaling: ['ec2.amazonaws.com'],
  states: ['states.amazonaws.com'],
  glue: ['glue.amazonaws.com'],
  codebuild: ['codebuild.amazonaws.com'],
  codepipeline: ['codepipeline.amazonaws.com'],
  sagemaker: ['sagemaker.amazonaws.com'],
  batch: ['batch.amazonaws.com', 'ecs-tasks.amazonaws.com', 'ec2.amazonaws.com'],
  events: ['events.amazonaws.com'],
  scheduler: ['scheduler.amazonaws.com'],
  cloudformation: ['cloudformation.amazonaws.com'],
  elasticmapreduce: ['elasticmapreduce.amazonaws.com', 'ec2.amazonaws.com'],
  firehose: ['firehose.amazonaws.com'],
  pipes: ['pipes.amazonaws.com'],
  apprunner: ['build.apprunner.amazonaws.com', 'tasks.apprunner.amazonaws.com'],
  eks: ['eks.amazonaws.com', 'ec2.amazonaws.com', 'pods.eks.amazonaws.com'],
};

/** Every principal the table names: the services whose passing actions are known. */
const KNOWN_TAKERS = new Set(Object.values(ROLE_TAKERS).flat());

/**
 * Services whose calls pass roles to any service: CloudFormation creates a template's functions,
 * tasks and instances with the caller's credentials unless the stack has its own service role.
 */
const PASS_ANY = new Set(['cloudformation']);

/**
 * The principals of the services whose actions the statement's document allows (any statement):
 * the services its roles are passed to. Empty when it grants none that take a role — the holder
 * then passes roles with another policy's permissions, and nothing narrows the candidates — and
 * undefined when it may pass a role to any service (an action `*`, `*:…`, CloudFormation).
 */
function receivingServices(site: StatementSite): Set<string> | undefined {
  const out = new Set<string>();
  for (const st of statementsOf(site.document)) {
    if (!isObject(st) || (st.Effect !== undefined && st.Effect !== 'Allow')) continue;
    for (const action of stringList(st.Action) ?? []) {
      const colon = action.indexOf(':');
      const service = (colon < 0 ? action : action.slice(0, colon)).toLowerCase();
      if (service.includes('*') || service.includes('?') || PASS_ANY.has(service)) return undefined;
      for (const principal of ROLE_TAKERS[service] ?? []) out.add(principal);
    }
  }
  return out;
}

/**
 * Whether a target can be passed to one of the receiving services: anything but a role, a role whose
 * trust policy is not known as written, a role that trusts one of them, and a role that trusts a
 * service the table does not list (S3 replication, RDS monitoring: which actions pass it is not
 * known here). Only a role whose known trust names listed services that receive nothing here is not.
 */
function assumableBy(resource: ModelResource, receivers: Set<string> | undefined): boolean {
  if (resource.type !== 'aws_iam_role' || receivers === undefined || receivers.size === 0) return true;
  const services = trustedServices(resource);
  if (services === undefined) return true;
  return services.size === 0 || [...services].some((x) => receivers.has(x) || !KNOWN_TAKERS.has(x));
}

/** Condition operators on iam:PassedToService that pin the services (values ORed); negated and IfExists forms do not. */
const PASSED_TO_OPERATORS: Record<string, 'equals' | 'ignore-case' | 'like'> = {
  StringEquals: 'equals',
  StringEqualsIgnoreCase: 'ignore-case',
  StringLike: 'like',
};

/**
 * The services an `iam:PassedToService` condition of the statement lets it pass roles to: one list
 * of patterns per condition on the key (conditions are ANDed, a list's values ORed). Undefined when
 * the statement has none that pins known values (a negated operator, `…IfExists`, a variable).
 */
function passedToServices(statement: { [key: string]: ModelValue }): RegExp[][] | undefined {
  const condition = statement.Condition;
  if (!isObject(condition)) return undefined;
  const out: RegExp[][] = [];
  for (const [operator, block] of Object.entries(condition)) {
    const kind = PASSED_TO_OPERATORS[operator];
    if (!kind || !isObject(block)) continue;
    for (const [key, value] of Object.entries(block)) {
      if (key.toLowerCase() !== 'iam:passedtoservice') continue;
      const values = stringList(value);
      if (!values || values.length === 0) continue;
      out.push(values.map((v) => {
        const escaped = v.replace(/[.+^${}()|[\]\\]/g, '\\$&');
        const body = kind === 'like' ? escaped.replace(/[*?]/g, (c) => (c === '*' ? '.*' : '.')) : escaped.replace(/[*?]/g, '\\$&');
        return new RegExp(`^${body}$`, kind === 'ignore-case' ? 'i' : '');
      }));
    }
  }
  return out.length > 0 ? out : undefined;
}

/**
 * Whether a target can be passed under an iam:PassedToService condition: anything but a role, a role
 * whose trust is not known as written (or names no service), and a role trusting a service every
 * condition allows.
 */
function trustsAllowedService(resource: ModelResource, passedTo: RegExp[][]): boolean {
  if (resource.type !== 'aws_iam_role') return true;
  const services = trustedServices(resource);
  if (services === undefined || services.size === 0) return true;
  return [...services].some((x) => passedTo.every((patterns) => patterns.some((p) => p.test(x))));
}

/** The service principals a role's trust policy names; undefined when it is not known as written. */
function trustedServices(resource: ModelResource): Set<string> | undefined {
  const trust = resource.config.assume_role_policy;
  if (!isObject(trust)) return undefined;
  const services = new Set<string>();
  for (const st of statementsOf(trust)) {
    if (!isObject(st)) return undefined;
    const principal = st.Principal;
    if (!isObject(principal)) return undefined;
    const service = stringList(principal.Service);
    if (service === undefined) return undefined;
    service.forEach((x) => services.add(x));
  }
  return services;
}

/** A document's Statement as a list: a single statement is one, none is an empty list. */
function statementsOf(document: { [key: string]: ModelValue } | undefined): ModelValue[] {
  const statements = document?.Statement;
  return Array.isArray(statements) ? statements : statements !== undefined ? [statements] : [];
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}

function candidateFor(site: StatementSite, scopes: ActionScope[], targets: Target[]): FixCandidate | undefined {
  const served = new Set(targets.flatMap((t) => [...t.arns.keys()]));
  const scoped = scopes.filter((s) => s.types.size > 0);
  // Only actions that support no resource type keep "*"; a target set must serve all the others.
  const unscoped = scopes.filter((s) => s.types.size === 0);
  if (scoped.length === 0 || !scoped.every((s) => [...s.types].some((t) => served.has(t)))) return undefined;
  // Only the ARN kinds the scoped actions use (a bucket ARN is not added for object-only actions).
  const usedTypes = new Set(scoped.flatMap((s) => [...s.types]));
  const items: PolicyItem[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    for (const [type, item] of t.arns) {
      const key = JSON.stringify(item);
      if (usedTypes.has(type) && !seen.has(key)) {
        seen.add(key);
        items.push(item);
      }
    }
  }
  // Whole-resource ARNs before sub-resource patterns (`bucket` before `bucket/*`).
  items.sort((a, b) => Number('suffix' in a && a.suffix !== undefined) - Number('suffix' in b && b.suffix !== undefined));
  const resources = stringList(site.statement.Resource)!;
  const otherResources = resources.filter((r) => r !== '*').map((literal) => ({ literal }));
  const edits: FixTextEdit[] = [];
  const resourceEdit = replaceFieldEdit(site, 'Resource', [...otherResources, ...items]);
  if (!resourceEdit) return undefined;
  edits.push(resourceEdit);
  if (unscoped.length > 0) {
    const actionEdit = replaceFieldEdit(site, 'Action', scoped.map((s) => ({ literal: s.action })));
    const sibling = siblingStatementEdit(site, unscoped.map((s) => s.action));
    if (!actionEdit || !sibling) return undefined;
    edits.push(actionEdit, sibling);
  }
  const names = targets.map((t) => t.local);
  const title = names.length === 1 ? `Scope Resource to ${names[0]}` : `Scope Resource to ${names.length} resources (${names.join(', ')})`;
  const detail = unscoped.length > 0
    ? `${unscoped.map((s) => s.action).join(', ')} kept on "*" in a separate statement (supports no resource-level permissions)`
    : `grants ${scoped.length} action${scoped.length === 1 ? '' : 's'} on ${items.length} ARN${items.length === 1 ? '' : 's'} instead of "*"`;
  return { title, source: SCOPE_SOURCE, detail, edits: sortEdits(edits) };
}

function sortEdits(edits: FixTextEdit[]): FixTextEdit[] {
  return [...edits].sort((a, b) => a.start - b.start);
}
