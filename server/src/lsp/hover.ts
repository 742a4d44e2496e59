// Renders a front end's ValueDescription as an LSP hover: the expression, its evaluated value as a
// JSON code block, then where the value came from.
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { ValueDescription } from '../iac/terraform';
import type { LineIndex } from './line-index';

/** Longest value shown before the JSON is cut, so a huge map cannot flood the hover. */
const MAX_VALUE_CHARS = 4000;

export function hoverFor(description: ValueDescription, index: LineIndex): Hover {
  let json = JSON.stringify(description.value, null, 2) ?? 'null';
  if (json.length > MAX_VALUE_CHARS) json = json.slice(0, MAX_VALUE_CHARS) + '\n… (truncated)';
  const fence = json.includes('```') ? '````' : '```';
  const lines = [`\`${oneLine(description.expr)}\``, '', fence + 'json', json, fence];
  if (description.origin.length > 0) {
    lines.push('');
    for (const origin of description.origin) lines.push(`- ${origin}`);
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n') },
    range: index.rangeOf(description.range.start, description.range.end),
  };
}

function oneLine(expr: string): string {
  const flat = expr.replace(/\s+/g, ' ').trim().replace(/`/g, "'");
  return flat.length > 120 ? flat.slice(0, 117) + '...' : flat;
}
