// Terraform's JSON syntax beside the native one: which files a module reads, and the one parse
// entry that picks the syntax by file name (`.tf` native; `.tf.json`, `.tfvars.json` and other
// `.json` files JSON), so every reader of a unit's files gets the same tree either way.
import type { ParsedFile } from '../ast';
import { parseTerraform } from '../parser';
import { parseTerraformJson, parseTerraformVarsJson } from './parse';
import { CONFIGURATION_KEYS } from './schema';

export { parseTerraformJson, parseTerraformVarsJson } from './parse';

/** Native syntax for `.tf`/`.tfvars`, JSON syntax for `.json` names (variable files by their `.tfvars.json` suffix). */
export function parseTerraformFile(text: string, path: string): ParsedFile {
  if (!path.endsWith('.json')) return parseTerraform(text, path);
  return path.endsWith('.tfvars.json') ? parseTerraformVarsJson(text, path) : parseTerraformJson(text, path);
}

/** A configuration file by name, as Terraform reads a module directory: `*.tf` and `*.tf.json`. */
export function isTerraformConfigName(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

/**
 * Is this JSON text Terraform configuration, whatever the file is called? A JSON object whose
 * top-level properties are all Terraform block types (resource, data, variable, output, locals,
 * module, provider, terraform), besides `"//"` comments, with at least one of them. Plans and
 * states (format_version, planned_values, resources…) are not: their keys are not block types.
 * Read without building a tree and stopping at the first other key, so the `package.json` beside
 * a module costs next to nothing on every analysis.
 */
export function isTerraformJsonConfiguration(text: string): boolean {
  const scan = new TopLevelKeys(text);
  let blocks = 0;
  for (let key = scan.first(); key !== undefined; key = scan.next()) {
    if (key === '//') continue;
    if (!CONFIGURATION_KEYS.has(key)) return false;
    blocks++;
  }
  return scan.complete && blocks > 0;
}

/** Walks the keys of a JSON object's top level, skipping values by bracket balance. */
class TopLevelKeys {
  private pos = 0;
  /** True once the closing `}` of the object was reached with well-formed separators. */
  complete = false;

  constructor(private readonly text: string) {}

  first(): string | undefined {
    this.space();
    if (this.text[this.pos] !== '{') return undefined;
    this.pos++;
    this.space();
    if (this.text[this.pos] === '}') {
      this.complete = true;
      return undefined;
    }
    return this.key();
  }

  next(): string | undefined {
    if (!this.skipValue()) return undefined;
    this.space();
    const c = this.text[this.pos++];
    if (c === '}') {
      this.complete = true;
      return undefined;
    }
    if (c !== ',') return undefined;
    this.space();
    return this.key();
  }

  private space(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private key(): string | undefined {
    const start = this.pos;
    if (!this.skipString()) return undefined;
    const raw = this.text.slice(start + 1, this.pos - 1);
    this.space();
    if (this.text[this.pos++] !== ':') return undefined;
    try {
      return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
    } catch {
      return undefined;
    }
  }

  private skipString(): boolean {
    const t = this.text;
    if (t[this.pos] !== '"') return false;
    for (let i = this.pos + 1; i < t.length; i++) {
      if (t[i] === '\\') i++;
      else if (t[i] === '"') {
        this.pos = i + 1;
        return true;
      }
    }
    return false;
  }

  /** One value: a string, or anything up to the `,`/`}` that ends it at this depth. */
  private skipValue(): boolean {
    this.space();
    let depth = 0;
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (c === '"') {
        if (!this.skipString()) return false;
        if (depth === 0) return true;
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (depth === 0) return true;
        depth--;
        if (depth === 0) {
          this.pos++;
          return true;
        }
      } else if (c === ',' && depth === 0) return true;
      this.pos++;
    }
    return false;
  }
}

/** A `.json` file (not `.tf.json`, not a variable file) that a module reads because of what it holds. */
export function isJsonConfigurationCandidate(name: string): boolean {
  return name.endsWith('.json') && !name.endsWith('.tf.json') && !name.endsWith('.tfvars.json');
}
