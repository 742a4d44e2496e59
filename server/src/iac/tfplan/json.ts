// Plan/state JSON through the front ends' reader (iac/json-reader.ts), which keeps the offsets of
// every value, member and element so values map back to their text. A plan is read whole or not at
// all: malformed text yields the error with its position and no tree.
import { readJson, type JsonMember, type JsonNode } from '../json-reader';

export type { JsonMember, JsonNode };

export interface JsonParseResult {
  root?: JsonNode;
  error?: { start: number; end: number; message: string };
}

export function parseJson(text: string): JsonParseResult {
  const read = readJson(text);
  return read.error ? { error: read.error } : { root: read.root };
}

/** The member `key` of an object node (the last one wins, as in JSON.parse). */
export function memberOf(node: JsonNode | undefined, key: string): JsonMember | undefined {
  if (!node || node.kind !== 'object') return undefined;
  for (let i = node.members.length - 1; i >= 0; i--) if (node.members[i].key === key) return node.members[i];
  return undefined;
}

export function valueOf(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return memberOf(node, key)?.value;
}

/** The plain JavaScript value of a node. */
export function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const m of node.members) out[m.key] = toPlain(m.value);
      return out;
    }
    case 'array':
      return node.items.map(toPlain);
    case 'null':
      return null;
    default:
      return node.value;
  }
}
