// Writes IAM statement values in the syntax of the document they go into: HCL inside
// `jsonencode(...)`, JSON inside a heredoc or a quoted string, or the attributes and blocks of
// `data "aws_iam_policy_document"`. Lists follow the surrounding indentation.
import { quoteString } from '../hcl-values';
import { indentAt, newlineOf } from '../layout';
import type { FixTextEdit } from '../types';
import { slice, type StatementSite } from './statement-site';

/** A literal (`"s3:GetObject"`, `"*"`) or a Terraform expression with an optional literal suffix (`${aws_s3_bucket.b.arn}/*`). */
export type PolicyItem = { literal: string } | { expr: string; suffix?: string };

const INLINE_MAX = 80;

function isHcl(site: StatementSite): boolean {
  return site.form === 'jsonencode' || site.form === 'document';
}

/** Escapes `${` and `%{` so a literal stays literal inside a template. */
function templateLiteral(s: string): string {
  return s.replace(/([$%])\{/g, '$1$1{');
}

export function renderItem(site: StatementSite, item: PolicyItem): string {
  if ('literal' in item) {
    if (isHcl(site)) return quoteString(item.literal);
    return forJsonString(site, templateLiteral(JSON.stringify(item.literal)));
  }
  if (isHcl(site)) return item.suffix ? `"\${${item.expr}}${templateLiteral(item.suffix).replace(/["\\]/g, '\\$&')}"` : item.expr;
  return forJsonString(site, `"\${${item.expr}}${templateLiteral(JSON.stringify(item.suffix ?? '').slice(1, -1))}"`);
}

/** JSON text placed inside a quoted HCL string needs its quotes and backslashes escaped. */
function forJsonString(site: StatementSite, json: string): string {
  return site.form === 'json-quoted' ? json.replace(/["\\]/g, '\\$&') : json;
}

/**
 * A list value. One element stays a plain value in JSON documents (IAM accepts both) but not for
 * the data source, whose attributes are lists. Long lists go one element per line.
 */
export function renderList(site: StatementSite, items: PolicyItem[], indent: string, forceList = false): string {
  const texts = items.map((i) => renderItem(site, i));
  if (texts.length === 1 && site.form !== 'document' && !forceList) return texts[0];
  const nl = newlineOf(site.text);
  const inline = `[${texts.join(site.form === 'json-quoted' ? ',' : ', ')}]`;
  if (site.form === 'json-quoted' || (inline.length <= INLINE_MAX && texts.length <= 4)) return inline;
  const inner = indent + '  ';
  const trailing = isHcl(site) ? ',' : '';
  return `[${nl}${texts.map((t) => inner + t).join(`,${nl}`)}${trailing}${nl}${indent}]`;
}

/** Replaces the value of the statement's `Action` / `Resource` field. */
export function replaceFieldEdit(site: StatementSite, key: 'Action' | 'Resource', items: PolicyItem[]): FixTextEdit | undefined {
  const field = site.node.fields?.[key];
  if (!field || field.range.file !== site.file) return undefined;
  const indent = indentAt(site.text, field.range.start);
  if (site.form === 'document') {
    // The attribute node stands for the whole `actions = [...]`; keep the name and its alignment.
    const eq = site.text.indexOf('=', field.nameRange?.end ?? field.range.start);
    if (eq < 0 || eq >= field.range.end) return undefined;
    let start = eq + 1;
    while (site.text[start] === ' ' || site.text[start] === '\t') start++;
    return { file: site.file, start, end: field.range.end, newText: renderList(site, items, indent) };
  }
  const value = field.valueRange;
  if (!value) return undefined;
  return { file: site.file, start: value.start, end: value.end, newText: renderList(site, items, indent) };
}

/**
 * Inserts a sibling Allow statement after the site's statement, with `actions` on `"*"` and the
 * site's Condition copied, so actions that support no resource-level permissions keep working.
 */
export function siblingStatementEdit(site: StatementSite, actions: string[]): FixTextEdit | undefined {
  if (!site.inList && site.form !== 'document') return undefined;
  const nl = newlineOf(site.text);
  const indent = indentAt(site.text, site.node.range.start);
  const inner = indent + '  ';
  const actionItems = actions.map((a) => ({ literal: a }));
  const star: PolicyItem[] = [{ literal: '*' }];
  const condition = site.node.fields?.Condition;
  let text: string;
  switch (site.form) {
    case 'document': {
      const conditions = (condition?.items ?? []).map((c) => `${nl}${inner}${slice(site.text, c.range)}`).join('');
      text = `${nl}${nl}${indent}statement {${nl}${inner}actions   = ${renderList(site, actionItems, inner)}${nl}${inner}resources = ${renderList(site, star, inner)}${conditions}${nl}${indent}}`;
      break;
    }
    case 'jsonencode': {
      const extra = condition ? `${nl}${inner}${slice(site.text, condition.range)}` : '';
      text = `,${nl}${indent}{${nl}${inner}Effect   = "Allow"${nl}${inner}Action   = ${renderList(site, actionItems, inner)}${nl}${inner}Resource = "*"${extra}${nl}${indent}}`;
      break;
    }
    case 'json-heredoc': {
      const extra = condition ? `,${nl}${inner}${slice(site.text, condition.range)}` : '';
      text = `,${nl}${indent}{${nl}${inner}"Effect": "Allow",${nl}${inner}"Action": ${renderList(site, actionItems, inner)},${nl}${inner}"Resource": "*"${extra}${nl}${indent}}`;
      break;
    }
    case 'json-quoted': {
      const extra = condition ? `,${slice(site.text, condition.range)}` : '';
      text = `,{\\"Effect\\":\\"Allow\\",\\"Action\\":${renderList(site, actionItems, '')},\\"Resource\\":\\"*\\"${extra}}`;
      break;
    }
  }
  return { file: site.file, start: site.node.range.end, end: site.node.range.end, newText: text };
}

