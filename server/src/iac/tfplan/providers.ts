// A plan's `configuration.provider_config` → the model's `providers` (docs/plan.md). Terraform does
// not evaluate provider blocks into `planned_values`: the plan keeps each block's expressions, a
// literal as `constant_value` and anything else as the `references` it makes. A literal becomes
// the value, an expression with references an unknown named by its first one (as resource
// attributes are), one without either (a function call such as `file("key")`, which Terraform
// cannot evaluate without context; sensitive literals are written like any other) stays absent. Nested
// blocks are lists of such objects (`assume_role`), or one object for a single nested block.
import type { ModelProvider, ModelValue, SourceMapNode } from '../model';
import { memberOf, toPlain, valueOf, type JsonNode } from './json';
import { childrenOf } from './source-map';
import { toModelValue } from './values';

export interface PlanProvider {
  provider: ModelProvider;
  sourceMap: SourceMapNode;
}

export function providersOfPlan(providerConfig: JsonNode | undefined, file: string): PlanProvider[] {
  const out: PlanProvider[] = [];
  if (providerConfig?.kind !== 'object') return out;
  for (const member of providerConfig.members) {
    const node = member.value;
    const name = stringOf(valueOf(node, 'name'));
    if (!name) continue;
    const alias = stringOf(valueOf(node, 'alias'));
    const moduleAddress = stringOf(valueOf(node, 'module_address'));
    // The address the HCL front end gives the same block, so the .tf overlay and fingerprints agree.
    const address = `${moduleAddress ? `${moduleAddress}.` : ''}provider.${name}${alias ? `.${alias}` : ''}`;
    const body = block(valueOf(node, 'expressions'), file);
    // The HCL model keeps `alias` among the block's attributes; so does this one.
    if (alias) body.config.alias = alias;
    out.push({
      provider: { address, name, ...(alias ? { alias } : {}), file, config: body.config },
      sourceMap: { range: { file, start: member.keyStart, end: node.end }, nameRange: { file, start: member.keyStart, end: member.keyEnd }, fields: body.fields },
    });
  }
  return out;
}

interface Block {
  config: { [key: string]: ModelValue };
  fields: Record<string, SourceMapNode>;
}

function block(expressions: JsonNode | undefined, file: string, depth = 0): Block {
  const out: Block = { config: {}, fields: {} };
  if (expressions?.kind !== 'object' || depth > 16) return out;
  for (const m of expressions.members) {
    const v = m.value;
    const at = { range: { file, start: m.keyStart, end: v.end }, nameRange: { file, start: m.keyStart, end: m.keyEnd } };
    if (v.kind === 'array') {
      const items = v.items.map((item) => ({ item, body: block(item, file, depth + 1) }));
      out.config[m.key] = items.map((i) => i.body.config);
      out.fields[m.key] = { ...at, valueRange: { file, start: v.start, end: v.end }, items: items.map(({ item, body }) => ({ range: { file, start: item.start, end: item.end }, fields: body.fields })) };
      continue;
    }
    if (v.kind !== 'object') continue;
    const constant = memberOf(v, 'constant_value');
    const references = valueOf(v, 'references');
    if (constant) {
      const value = toModelValue(toPlain(constant.value));
      if (value === null) continue;
      out.config[m.key] = value;
      out.fields[m.key] = { ...at, valueRange: { file, start: constant.value.start, end: constant.value.end }, ...childrenOf(file, constant.value) };
    } else if (references?.kind === 'array') {
      const first = stringOf(references.items[0]);
      if (!first) continue;
      out.config[m.key] = { $unknown: first };
      out.fields[m.key] = { ...at, valueRange: { file, start: v.start, end: v.end } };
    } else if (v.members.length > 0 && v.members.every((x) => x.value.kind === 'object' || x.value.kind === 'array')) {
      // A single nested block: an object of expressions.
      const body = block(v, file, depth + 1);
      out.config[m.key] = body.config;
      out.fields[m.key] = { ...at, valueRange: { file, start: v.start, end: v.end }, fields: body.fields };
    }
  }
  return out;
}

function stringOf(node: JsonNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined;
}
