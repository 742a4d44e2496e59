// Inline suppressions in Terraform's JSON configuration syntax (`*.tf.json`). JSON has no comments;
// Terraform reads a `"//"` property of a block body as one, so a suppression is written there:
//   "aws_s3_bucket": { "logs": { "//": "palisade:ignore PAL-AWS-S3-005 log bucket, versioning not needed", … } }
// It applies to the object holding it (the resource or nested block) and everything inside, as a
// comment above a block does in `.tf`. The value may also be a list of strings, one form each.
import { readJsonSpans, type JsonSpanNode } from '../iac/terraform';

/** A suppression's text (the part after `#` in `.tf`) and where it sits and applies in the file. */
export interface JsonSuppressionText {
  /** The decoded string, e.g. `palisade:ignore PAL-AWS-S3-005 reason`. */
  text: string;
  /** The `"//"` member (key to value), for diagnostics about the suppression itself. */
  start: number;
  end: number;
  /** The object that holds it, from its key (or `{` for a list element) to its `}`. */
  scope: { start: number; end: number };
}

/** Every string under a `"//"` key in `text` (malformed JSON: none; the front end reports it). */
export function jsonCommentTexts(text: string): JsonSuppressionText[] {
  const root = readJsonSpans(text);
  const out: JsonSuppressionText[] = [];
  if (!root) return out;
  const visit = (node: JsonSpanNode, ownerStart: number) => {
    if (node.members) {
      const comment = node.members.get('//');
      if (comment) {
        for (const piece of stringsOf(text, comment.value)) {
          out.push({ text: piece, start: comment.keyStart, end: comment.value.end, scope: { start: ownerStart, end: node.end } });
        }
      }
      for (const [key, member] of node.members) if (key !== '//') visit(member.value, member.keyStart);
    }
    for (const item of node.items ?? []) visit(item, item.start);
  };
  visit(root, root.start);
  return out;
}

function stringsOf(text: string, node: JsonSpanNode): string[] {
  if (node.items) return node.items.flatMap((item) => stringsOf(text, item));
  if (text[node.start] !== '"') return [];
  try {
    return [JSON.parse(text.slice(node.start, node.end)) as string];
  } catch {
    return [];
  }
}

/**
 * The block body a suppression for a finding at `offset` goes into: the resource, data source or
 * module call whose body holds the offset (or whose name key it is on). Only those objects are
 * certainly block bodies — a `"//"` inside an attribute's object value would be a real key.
 */
export function blockBodyAt(text: string, offset: number): { node: JsonSpanNode; ownerStart: number } | undefined {
  const root = readJsonSpans(text);
  if (!root?.members) return undefined;
  let best: { node: JsonSpanNode; ownerStart: number } | undefined;
  const consider = (node: JsonSpanNode, ownerStart: number) => {
    if (!node.members || offset < ownerStart || offset >= node.end) return;
    if (!best || ownerStart >= best.ownerStart) best = { node, ownerStart };
  };
  // `"resource": {type: {name: body}}`; Terraform also accepts a list wherever a block repeats.
  const labelled = (node: JsonSpanNode, labels: number, ownerStart: number) => {
    if (node.items) {
      for (const item of node.items) labelled(item, labels, item.start);
      return;
    }
    if (labels === 0) return consider(node, ownerStart);
    for (const member of node.members?.values() ?? []) labelled(member.value, labels - 1, member.keyStart);
  };
  const top = (key: string, labels: number) => {
    const member = root.members!.get(key);
    if (member) labelled(member.value, labels, member.keyStart);
  };
  top('resource', 2);
  top('data', 2);
  top('module', 1);
  return best;
}

/**
 * The insertion that puts `"//": "<comment>"` first in the block body holding `offset`, indented
 * like that body's members; undefined when there is no such body, or it already has a `"//"`
 * (a second one would be a duplicate key). The result is checked to be JSON still.
 */
export function jsonSuppressionInsert(text: string, offset: number, comment: string): { start: number; end: number; newText: string } | undefined {
  const body = blockBodyAt(text, offset);
  if (!body || body.node.members!.has('//')) return undefined;
  const open = body.node.start + 1;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const property = `"//": ${JSON.stringify(comment)}`;
  const first = body.node.members!.values().next().value;
  let newText: string;
  if (!first) {
    newText = property;
  } else if (text.slice(open, first.keyStart).includes('\n')) {
    const lineStart = text.lastIndexOf('\n', first.keyStart - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    newText = `${eol}${indent}${property},`;
  } else {
    newText = ` ${property},`;
  }
  const edited = text.slice(0, open) + newText + text.slice(open);
  return readJsonSpans(edited) ? { start: open, end: open, newText } : undefined;
}
