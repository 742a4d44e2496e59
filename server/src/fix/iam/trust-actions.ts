// A role trust policy statement that allows Action "*" or "sts:*" (PAL-AWS-IAM-017) gets the assume action its
// principal needs instead: a service or an AWS account/role assumes with sts:AssumeRole, an OIDC
// provider with sts:AssumeRoleWithWebIdentity, a SAML provider with sts:AssumeRoleWithSAML; EKS
// Pod Identity (pods.eks.amazonaws.com) also tags the session, so it keeps sts:TagSession. The
// principal decides, so there is no choice to make and the candidate is preferred. A principal
// whose kind cannot be told (`"*"`, an unknown service, a federated provider that is neither OIDC
// nor SAML by its ARN or reference) gets no fix. Edited in whichever form the document is written
// (statementSite / replaceFieldEdit), every wildcard statement of the document in one candidate.
import type { ModelValue } from '../../iac/model';
import type { Finding } from '../../policy';
import type { FixCandidate, FixContext, FixTextEdit } from '../types';
import { replaceFieldEdit } from './render';
import { isObject, statementSite, stringList } from './statement-site';

export const TRUST_SOURCE = 'iam-trust-action';

const ASSUME = 'sts:AssumeRole';
const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
const SAML = 'sts:AssumeRoleWithSAML';

/** Identity providers AWS names by domain for AssumeRoleWithWebIdentity (IAM User Guide, "Federated principals"). */
const WEB_IDENTITY_DOMAINS = new Set(['accounts.google.com', 'graph.facebook.com', 'www.amazon.com', 'cognito-identity.amazonaws.com']);

/** Services whose sessions carry tags, so the trust policy must allow sts:TagSession too. */
const TAGGING_SERVICES = new Set(['pods.eks.amazonaws.com']);

export function trustActionFixes(finding: Finding, context: FixContext): FixCandidate[] {
  const paths = (finding.related ?? []).map((r) => r.path).filter(isTrustActionPath);
  if (!finding.resource || paths.length === 0 || !finding.path || finding.path.join('.') !== 'assume_role_policy') return [];
  const edits: FixTextEdit[] = [];
  const granted = new Set<string>();
  for (const path of paths) {
    const site = statementSite({ ...finding, path }, context);
    if (!site || site.statement.Effect !== 'Allow' || site.statement.NotAction !== undefined || site.statement.NotPrincipal !== undefined) return [];
    const actions = stringList(site.statement.Action);
    // Only statements that allow every action; any other related location is not this fix's business.
    const needed = actions && actions.some(isTrustWildcard) ? assumeActions(site.statement.Principal) : undefined;
    if (!actions || !needed) return [];
    // Other actions the statement names stay (sts:TagSession, sts:SetSourceIdentity, …).
    const kept = actions.filter((a) => !isTrustWildcard(a));
    const list = [...new Set([...needed, ...kept])];
    const edit = replaceFieldEdit(site, 'Action', list.map((literal) => ({ literal })));
    if (!edit) return [];
    edits.push(edit);
    list.forEach((a) => granted.add(a));
  }
  const names = [...granted];
  return [
    {
      title: `Allow only ${names.join(', ')} in the trust policy of ${finding.resource}`,
      source: TRUST_SOURCE,
      preferred: true,
      detail: 'the action each principal assumes the role with; a caller that also passes session tags or a source identity needs sts:TagSession or sts:SetSourceIdentity added',
      edits: edits.sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start),
    },
  ];
}

/** `*`, `*:*`, or `sts:*` in any case: a trust policy only evaluates STS actions, so all three allow everything. */
function isTrustWildcard(a: string): boolean {
  return a === '*' || a === '*:*' || a.toLowerCase() === 'sts:*';
}

/** `["assume_role_policy", "Statement", i, "Action"]` (or without the index, for a single statement object). */
function isTrustActionPath(path: (string | number)[] | undefined): path is (string | number)[] {
  if (!path || path[0] !== 'assume_role_policy' || path[path.length - 1] !== 'Action') return false;
  return path[1] === 'Statement' && (path.length === 3 || (path.length === 4 && typeof path[2] === 'number'));
}

/** The assume actions the statement's principals need; undefined when one of them cannot be told. */
function assumeActions(principal: ModelValue | undefined): string[] | undefined {
  if (!isObject(principal)) return undefined;
  const out = new Set<string>();
  for (const [kind, value] of Object.entries(principal)) {
    const items = Array.isArray(value) ? value : [value];
    if (items.length === 0) return undefined;
    for (const item of items) {
      const actions = kind === 'AWS' ? [ASSUME] : kind === 'Service' ? serviceActions(item) : kind === 'Federated' ? federatedActions(item) : undefined;
      if (!actions) return undefined;
      actions.forEach((a) => out.add(a));
    }
  }
  return out.size > 0 ? [...out] : undefined;
}

function serviceActions(item: ModelValue): string[] | undefined {
  if (typeof item !== 'string') return undefined;
  return TAGGING_SERVICES.has(item) ? [ASSUME, 'sts:TagSession'] : [ASSUME];
}

/** By the provider's ARN (`…:oidc-provider/…`, `…:saml-provider/…`), a web identity domain, or the resource a reference names. */
function federatedActions(item: ModelValue): string[] | undefined {
  const text = typeof item === 'string' ? item : isObject(item) && typeof item.$unknown === 'string' ? item.$unknown : undefined;
  if (text === undefined) return undefined;
  if (/:oidc-provider\//.test(text) || /^aws_iam_openid_connect_provider\.[A-Za-z0-9_-]+(\[[^\]]+\])?\.arn$/.test(text) || WEB_IDENTITY_DOMAINS.has(text)) return [WEB_IDENTITY];
  if (/:saml-provider\//.test(text) || /^aws_iam_saml_provider\.[A-Za-z0-9_-]+(\[[^\]]+\])?\.arn$/.test(text)) return [SAML];
  return undefined;
}
