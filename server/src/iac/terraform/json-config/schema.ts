// What Terraform's JSON syntax needs to know to read a body: which properties are nested blocks
// (and how many labels they take) and which arguments are not string templates. Terraform itself
// asks the provider's schema; Palisade ships none, so inside provider-defined bodies (resources,
// data sources, provider configurations) an object-valued property is taken for a nested block
// when it looks like one (see `looksLikeBlock`), as the native syntax's `name { … }` would be.
import type { JsonNode } from '../../json-reader';
import type { ValueMode } from './values';

export interface BlockSpec {
  labels: number;
  body: () => BodySchema;
}

export interface BodySchema {
  /** Nested block types this body knows. */
  blocks?: Record<string, BlockSpec>;
  /** Arguments not read as templates. */
  modes?: Record<string, ValueMode>;
  /** The reading of every other argument (default `template`). */
  defaultMode?: ValueMode;
  /** A provider-defined body: object-valued properties that look like blocks are blocks. */
  providerDefined?: boolean;
}

/** The top-level block types of a Terraform module. */
export const TOP_LEVEL: BodySchema = {
  blocks: {
    resource: { labels: 2, body: () => RESOURCE },
    data: { labels: 2, body: () => DATA },
    module: { labels: 1, body: () => MODULE },
    variable: { labels: 1, body: () => VARIABLE },
    output: { labels: 1, body: () => OUTPUT },
    provider: { labels: 1, body: () => PROVIDER },
    locals: { labels: 0, body: () => LOCALS },
    terraform: { labels: 0, body: () => TERRAFORM },
    moved: { labels: 0, body: () => MOVED },
    import: { labels: 0, body: () => IMPORT },
    removed: { labels: 0, body: () => REMOVED },
    check: { labels: 1, body: () => CHECK },
  },
};

/** Top-level keys that make a `.json` file of any name Terraform JSON configuration (with `"//"`). */
export const CONFIGURATION_KEYS = new Set(['resource', 'data', 'variable', 'output', 'locals', 'module', 'provider', 'terraform']);

const CONDITION: BodySchema = {};
const DYNAMIC: BodySchema = { modes: { iterator: 'expression' }, blocks: { content: { labels: 0, body: () => PROVIDER_DEFINED } } };
const PROVIDER_DEFINED: BodySchema = { providerDefined: true, blocks: { dynamic: { labels: 1, body: () => DYNAMIC } } };
const CONNECTION: BodySchema = { modes: { type: 'literal' } };
const PROVISIONER: BodySchema = {
  modes: { when: 'expression', on_failure: 'expression' },
  blocks: { connection: { labels: 0, body: () => CONNECTION } },
};
const LIFECYCLE: BodySchema = {
  modes: { ignore_changes: 'expression', replace_triggered_by: 'expression' },
  blocks: { precondition: { labels: 0, body: () => CONDITION }, postcondition: { labels: 0, body: () => CONDITION } },
};
const META_MODES: Record<string, ValueMode> = { provider: 'expression', depends_on: 'expression' };
const RESOURCE: BodySchema = {
  providerDefined: true,
  modes: META_MODES,
  blocks: {
    ...PROVIDER_DEFINED.blocks,
    lifecycle: { labels: 0, body: () => LIFECYCLE },
    provisioner: { labels: 1, body: () => PROVISIONER },
    connection: { labels: 0, body: () => CONNECTION },
  },
};
const DATA: BodySchema = { providerDefined: true, modes: META_MODES, blocks: { ...PROVIDER_DEFINED.blocks, lifecycle: { labels: 0, body: () => LIFECYCLE } } };
const MODULE: BodySchema = { modes: { source: 'literal', version: 'literal', providers: 'expression', depends_on: 'expression' } };
const VARIABLE: BodySchema = {
  modes: { type: 'expression', default: 'literal', description: 'literal', sensitive: 'literal', nullable: 'literal', ephemeral: 'literal' },
  blocks: { validation: { labels: 0, body: () => CONDITION } },
};
const OUTPUT: BodySchema = {
  modes: { description: 'literal', sensitive: 'literal', depends_on: 'expression' },
  blocks: { precondition: { labels: 0, body: () => CONDITION } },
};
const PROVIDER: BodySchema = { ...PROVIDER_DEFINED, modes: { alias: 'literal', version: 'literal' } };
const LOCALS: BodySchema = {};
const LITERAL: BodySchema = { defaultMode: 'literal' };
const TERRAFORM: BodySchema = {
  defaultMode: 'literal',
  blocks: {
    backend: { labels: 1, body: () => LITERAL },
    cloud: { labels: 0, body: () => ({ defaultMode: 'literal', blocks: { workspaces: { labels: 0, body: () => LITERAL } } }) },
    required_providers: { labels: 0, body: () => LITERAL },
    provider_meta: { labels: 1, body: () => LITERAL },
  },
};
const MOVED: BodySchema = { modes: { from: 'expression', to: 'expression' } };
const IMPORT: BodySchema = { modes: { to: 'expression', provider: 'expression' } };
const REMOVED: BodySchema = { modes: { from: 'expression' }, blocks: { lifecycle: { labels: 0, body: () => LIFECYCLE } } };
const CHECK: BodySchema = { blocks: { data: { labels: 2, body: () => DATA }, assert: { labels: 0, body: () => CONDITION } } };

/** The body schema of a guessed nested block. */
export const NESTED_BLOCK: BlockSpec = { labels: 0, body: () => PROVIDER_DEFINED };

/**
 * Provider arguments whose type is a map or object: their JSON object is a value, never a block
 * (`tags`, a Lambda environment's `variables`, API Gateway's `request_parameters`, …).
 */
const MAP_ARGUMENTS = new Set([
  'tags', 'tags_all', 'labels', 'annotations', 'variables', 'environment_variables', 'parameters', 'triggers',
  'request_parameters', 'request_templates', 'request_models', 'response_parameters', 'response_templates',
  'response_models', 'stage_variables', 'default_arguments', 'non_overridable_arguments', 'dimensions',
  'connection_properties', 'properties', 'context', 'environment_properties', 'custom_headers',
]);

/** Names a provider schema gives its nested block types and their arguments: lower snake case. */
const SCHEMA_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * In a provider-defined body, is `value` under `key` one or more nested blocks? An object (or a
 * non-empty array of objects) whose keys all read like schema names, under a name that is not a
 * known map argument. Map values keyed by `Name`, `aws:xyz` or `${…}` stay values.
 */
export function looksLikeBlock(key: string, value: JsonNode): boolean {
  if (MAP_ARGUMENTS.has(key) || !SCHEMA_NAME.test(key)) return false;
  const isBlockBody = (node: JsonNode) => node.kind === 'object' && node.members.every((m) => m.key === '//' || SCHEMA_NAME.test(m.key));
  if (value.kind === 'object') return isBlockBody(value);
  return value.kind === 'array' && value.items.length > 0 && value.items.every(isBlockBody);
}
