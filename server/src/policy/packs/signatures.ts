// OPA bundle signatures (`.signatures.json`): one JWS (compact JWT) whose payload lists every
// file of the bundle with its hash. JSON and YAML files are hashed over their canonical JSON
// (keys sorted, no whitespace, Go's string escaping) so formatting does not matter; other files
// over their bytes. Verified with node:crypto before anything in the bundle is parsed.
import { createHash, createHmac, createPrivateKey, createPublicKey, sign as cryptoSign, timingSafeEqual, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { jsonQuote } from '../../rego';
import { NumberLiteral, parseJsonKeepingNumbers } from './json-literal';
import type { PackKey, SignatureAlgorithm } from './types';

export const SIGNATURES_FILE = '.signatures.json';

const HASHES: Record<string, string> = { 'MD5': 'md5', 'SHA-1': 'sha1', 'SHA-224': 'sha224', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512', 'SHA-512-224': 'sha512-224', 'SHA-512-256': 'sha512-256' };

export interface SignatureCheck {
  signed: boolean;
  /** Empty when the signature is valid (or absent and not required). */
  errors: { file?: string; message: string }[];
  keyId?: string;
}

/** A resolved key: the config's text with `key_file` already read. */
export interface VerificationKey {
  algorithm: SignatureAlgorithm;
  material: string;
}

export function isStructuredFile(name: string): boolean {
  return /\.(json|ya?ml)$/i.test(name) || name === '.manifest' || name.endsWith('/.manifest');
}

/** Hex digest of one bundle file as OPA computes it. */
export function fileDigest(name: string, bytes: Uint8Array, algorithm = 'SHA-256'): string | undefined {
  const node = HASHES[algorithm.toUpperCase()];
  if (!node) return undefined;
  const h = createHash(node);
  if (isStructuredFile(name)) {
    const text = new TextDecoder().decode(bytes);
    let value: unknown;
    try {
      // JSON numbers keep their literal text, as OPA hashes them; YAML numbers go through Go's
      // float formatting in OPA, which prints like JavaScript does for the values YAML produces.
      if (/\.ya?ml$/i.test(name)) value = parseYaml(text);
      else {
        JSON.parse(text); // strict validation first; the literal-keeping parser trusts its input
        value = parseJsonKeepingNumbers(text);
      }
    } catch {
      h.update(bytes); // unparsable structured file: its bytes (loading will report it)
      return h.digest('hex');
    }
    h.update(canonicalJson(value));
  } else h.update(bytes);
  return h.digest('hex');
}

/** Compact JSON with sorted keys and Go's encoding/json string escaping (`<`, `>`, `&` as \u00XX). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (value instanceof NumberLiteral) return value.text;
  if (typeof value === 'string') return jsonQuote(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return jsonQuote(value.toISOString());
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
  return `{${keys.map((k) => `${jsonQuote(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}


/**
 * Checks `.signatures.json` against the bundle's files. `required`: an unsigned bundle is an
 * error. `keyId` (from the pack source) overrides the JWT's `kid`.
 */
export function verifyBundleSignatures(files: Map<string, Uint8Array>, keys: Record<string, VerificationKey>, options: { required: boolean; keyId?: string }): SignatureCheck {
  const raw = files.get(SIGNATURES_FILE);
  if (!raw) return { signed: false, errors: options.required ? [{ message: `the pack is not signed (no ${SIGNATURES_FILE}) and packs.require_signature is true` }] : [] };
  const fail = (message: string, file?: string): SignatureCheck => ({ signed: true, errors: [{ file, message }] });
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    return fail(`${SIGNATURES_FILE} is not JSON`, SIGNATURES_FILE);
  }
  const tokens = isRecord(doc) && Array.isArray(doc.signatures) ? doc.signatures.filter((t): t is string => typeof t === 'string') : [];
  if (tokens.length !== 1) return fail(`${SIGNATURES_FILE} must hold exactly one signature (found ${tokens.length})`, SIGNATURES_FILE);
  const parts = tokens[0].split('.');
  if (parts.length !== 3) return fail('the signature is not a compact JWS (header.payload.signature)', SIGNATURES_FILE);
  const header = decodeJson(parts[0]);
  const payload = decodeJson(parts[1]);
  if (!isRecord(header) || !isRecord(payload)) return fail('the signature header or payload is not base64url JSON', SIGNATURES_FILE);
  const keyId = options.keyId ?? str(header.kid) ?? str(payload.keyid) ?? (Object.keys(keys).length === 1 ? Object.keys(keys)[0] : undefined);
  if (keyId === undefined) return fail('the signature names no key (kid) and packs.keys does not hold exactly one key', SIGNATURES_FILE);
  const key = keys[keyId];
  if (!key) return fail(`the signature needs key '${keyId}', which is not in packs.keys`, SIGNATURES_FILE);
  if (header.alg !== key.algorithm) return fail(`the signature uses ${String(header.alg)} but key '${keyId}' is ${key.algorithm}`, SIGNATURES_FILE);
  const signingInput = `${parts[0]}.${parts[1]}`;
  let valid: boolean;
  try {
    valid = verifyJws(key, signingInput, Buffer.from(parts[2], 'base64url'));
  } catch (err) {
    return fail(`key '${keyId}' cannot verify: ${(err as Error).message}`, SIGNATURES_FILE);
  }
  if (!valid) return fail(`the signature does not verify with key '${keyId}' (wrong key or edited ${SIGNATURES_FILE})`, SIGNATURES_FILE);

  const errors: SignatureCheck['errors'] = [];
  const listed = new Map<string, { hash: string; algorithm: string }>();
  for (const f of Array.isArray(payload.files) ? payload.files : []) {
    if (!isRecord(f) || typeof f.name !== 'string' || typeof f.hash !== 'string') continue;
    listed.set(f.name.replace(/^\//, ''), { hash: f.hash.toLowerCase(), algorithm: typeof f.algorithm === 'string' ? f.algorithm : 'SHA-256' });
  }
  for (const [name, bytes] of files) {
    if (name === SIGNATURES_FILE) continue;
    const entry = listed.get(name);
    if (!entry) {
      errors.push({ file: name, message: `${name} is in the pack but not in its signature (added after signing?)` });
      continue;
    }
    const digest = fileDigest(name, bytes, entry.algorithm);
    if (digest === undefined) errors.push({ file: name, message: `${name}: unsupported hash algorithm ${entry.algorithm}` });
    else if (digest !== entry.hash) errors.push({ file: name, message: `${name} does not match its signature (${entry.algorithm} differs: the file was changed after signing)` });
  }
  for (const name of listed.keys()) if (!files.has(name)) errors.push({ file: name, message: `${name} is signed but missing from the pack` });
  return { signed: true, errors, keyId };
}

function verifyJws(key: VerificationKey, input: string, signature: Buffer): boolean {
  const data = Buffer.from(input);
  if (key.algorithm === 'HS256') {
    const expected = createHmac('sha256', key.material).update(data).digest();
    return expected.length === signature.length && timingSafeEqual(expected, signature);
  }
  const publicKey = publicKeyOf(key.material);
  if (key.algorithm === 'ES256') return cryptoVerify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  return cryptoVerify('sha256', data, publicKey, signature);
}

function publicKeyOf(pem: string): KeyObject {
  return pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
}

/** `.signatures.json` text for these files, as `opa sign` writes it (RS256/ES256 need a private key PEM). */
export function createSignatures(files: Map<string, Uint8Array>, key: VerificationKey, keyId?: string): string {
  const names = [...files.keys()].filter((n) => n !== SIGNATURES_FILE).sort();
  const payload: Record<string, unknown> = { files: names.map((name) => ({ name, hash: fileDigest(name, files.get(name)!)!, algorithm: 'SHA-256' })) };
  if (keyId !== undefined) payload.keyid = keyId;
  const header: Record<string, unknown> = { alg: key.algorithm, typ: 'JWT' };
  if (keyId !== undefined) header.kid = keyId;
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
  const data = Buffer.from(input);
  let signature: Buffer;
  if (key.algorithm === 'HS256') signature = createHmac('sha256', key.material).update(data).digest();
  else if (key.algorithm === 'ES256') signature = cryptoSign('sha256', data, { key: createPrivateKey(key.material), dsaEncoding: 'ieee-p1363' });
  else signature = cryptoSign('sha256', data, createPrivateKey(key.material));
  return `${JSON.stringify({ signatures: [`${input}.${signature.toString('base64url')}`] }, null, 2)}\n`;
}

/** Keys from the configuration with `key_file` read through `readText`; unreadable ones are reported. */
export function resolveKeys(keys: Record<string, PackKey>, readText: (path: string) => string | undefined): { keys: Record<string, VerificationKey>; errors: string[] } {
  const out: Record<string, VerificationKey> = {};
  const errors: string[] = [];
  for (const [id, k] of Object.entries(keys)) {
    const material = k.key ?? (k.keyFile !== undefined ? readText(k.keyFile) : undefined);
    if (material === undefined) errors.push(`key '${id}': cannot read ${k.keyFile}`);
    else out[id] = { algorithm: k.algorithm, material: k.algorithm === 'HS256' ? material.replace(/\r?\n$/, '') : material };
  }
  return { keys: out, errors };
}

function b64(s: string): string {
  return Buffer.from(s).toString('base64url');
}

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
