// Titles say what a fix does, in the user's terms: "Set enable_key_rotation = true",
// "Add aws_s3_bucket_public_access_block for aws_s3_bucket.logs".
import type { FixOperation } from '../policy';
import { isPlainObject, summarizeValue } from './hcl-values';

/** `server_side_encryption_configuration.rule.sse_algorithm`, `ingress[1]`, `tags.Owner`. */
export function describePath(path: readonly unknown[] | undefined): string {
  let out = '';
  for (const step of path ?? []) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out ? `.${String(step)}` : String(step);
  }
  return out;
}

/** A path for a `set` title: block indices add nothing there (`versioning.enabled`). */
function attributePath(path: readonly unknown[] | undefined): string {
  return (path ?? []).filter((s) => typeof s === 'string').join('.');
}

export function titleOfOperation(op: FixOperation, resource: string | undefined): string {
  switch (op.op) {
    case 'set':
      return `Set ${attributePath(op.path)} = ${summarizeValue(op.value)}`;
    case 'remove':
      return `Remove ${describePath(op.path)}`;
    case 'add_block': {
      const config = isPlainObject(op.config) ? op.config : {};
      const keys = Object.keys(config);
      const inner = keys.length === 1 && !Array.isArray(config[keys[0]]) ? ` { ${keys[0]} = ${summarizeValue(config[keys[0]])} }` : '';
      const where = op.path && op.path.length > 0 ? ` to ${describePath(op.path)}` : '';
      return `Add ${String(op.type)}${inner} block${where}`;
    }
    case 'add_resource':
      return `Add ${String(op.type)}${resource ? ` for ${resource}` : ` ${String(op.name)}`}`;
    case 'add_data':
      return `Add data source ${String(op.type)}.${String(op.name)}`;
    case 'add_variable':
      return `Declare variable ${String(op.name)}`;
    default:
      return `Apply ${op.op}`;
  }
}

export function titleOfOperations(ops: readonly FixOperation[], resource: string | undefined): string {
  const titles = ops.map((op) => titleOfOperation(op, resource));
  return titles.length <= 2 ? titles.join('; ') : `${titles[0]} and ${titles.length - 1} more changes`;
}
