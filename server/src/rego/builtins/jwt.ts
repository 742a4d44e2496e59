// io.jwt.*: decoding, signature verification and signing with node:crypto (HS*, RS*, PS*, ES*, EdDSA).

import { createHmac, createPrivateKey, createPublicKey, sign, timingSafeEqual, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { isObject, ObjectValue } from '../value/collections';
import { toJSONText } from '../value/format';
import { parseJSON, toJS } from '../value/json';
import { BigFloat } from '../value/number';
import type { RegoObject, RegoValue } from '../value/types';
import { base64Decode } from './encoding';
import { decodePem } from './crypto';
import { builtinError, def, isNumber, obj, str, T } from './support';
import type { Builtin, BuiltinContext } from './types';

const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function b64urlDecode(s: string, what: string): Buffer {
  const r = base64Decode(s.replace(/=+$/, ''), URL_ALPHABET, false);
  if (typeof r === 'string') throw builtinError(`JWT ${what} had invalid encoding: ${r}`);
  return Buffer.from(r);
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

interface DecodedJWT {
  header: RegoObject;
  payload: RegoValue;
  signature: Buffer;
  signingInput: string;
}

function decode(token: string): DecodedJWT {
  const parts = token.split('.');
  if (parts.length !== 3) throw builtinError(`encoded JWT must have 3 sections, found ${parts.length}`);
  const headerBytes = b64urlDecode(parts[0], 'header');
  const payloadBytes = b64urlDecode(parts[1], 'payload');
  const signature = b64urlDecode(parts[2], 'signature');
  const header = parseJSON(headerBytes.toString('utf8'));
  if (header.error !== undefined || !isObject(header.value)) throw builtinError('JWT header had invalid encoding: not a JSON object');
  let payloadText = payloadBytes.toString('utf8');
  const cty = header.value.get('cty');
  if (typeof cty === 'string' && cty.toUpperCase() === 'JWT') {
    // Nested JWT: the payload is itself a JWT (usually as a JSON string); decode the innermost one.
    const inner = parseJSON(payloadText);
    return decode(inner.value !== undefined && typeof inner.value === 'string' ? inner.value : payloadText);
  }
  const payload = parseJSON(payloadText);
  if (payload.error !== undefined) throw builtinError('type is JWT but payload is not JSON');
  payloadText = '';
  return { header: header.value, payload: payload.value, signature, signingInput: `${parts[0]}.${parts[1]}` };
}

const HASH: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };

/** Public keys from a PEM certificate/public key, a JWK or a JWKS (JSON text). */
function publicKeys(material: string): KeyObject[] {
  const text = material.trim();
  if (text.startsWith('{')) {
    const parsed = parseJSON(text);
    if (parsed.error !== undefined || !isObject(parsed.value)) throw builtinError('failed to parse a JWK key (set)');
    const jwk = toJS(parsed.value) as { keys?: unknown[] };
    const list = Array.isArray(jwk.keys) ? jwk.keys : [jwk];
    return list.map((k) => createPublicKey({ key: k as never, format: 'jwk' }));
  }
  const { blocks, rest } = decodePem(text);
  if (blocks.length === 0) throw builtinError('failed to parse a PEM certificate');
  if (blocks.length > 1 || rest.trim() !== '') throw builtinError('extra data after a PEM certificate block');
  const block = blocks[0];
  try {
    if (block.type === 'CERTIFICATE') return [new X509Certificate(block.der).publicKey];
  } catch {
    throw builtinError('failed to parse a PEM certificate');
  }
  if (block.type === 'PUBLIC KEY') {
    try {
      return [createPublicKey(text)];
    } catch {
      throw builtinError('failed to parse a PEM key');
    }
  }
  throw builtinError('failed to extract a Key from the PEM certificate');
}

function verifyWith(alg: string, signingInput: string, signature: Buffer, keyMaterial: string, isSecret: boolean): boolean {
  const family = alg.slice(0, 2);
  const bits = alg.slice(2);
  if (family === 'HS' && HASH[bits]) {
    if (!isSecret) return false;
    const mac = createHmac(HASH[bits], Buffer.from(keyMaterial, 'utf8')).update(signingInput).digest();
    return mac.length === signature.length && timingSafeEqual(mac, signature);
  }
  if (isSecret) return false;
  const keys = publicKeys(keyMaterial);
  return keys.some((key) => {
    try {
      if (alg === 'EdDSA') return verify(null, Buffer.from(signingInput), key, signature);
      if (!HASH[bits]) return false;
      if (family === 'RS') return verify(HASH[bits], Buffer.from(signingInput), key, signature);
      if (family === 'PS') return verify(HASH[bits], Buffer.from(signingInput), { key, padding: 6, saltLength: -1 }, signature);
      if (family === 'ES') return verify(HASH[bits], Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' }, signature);
    } catch {
      return false;
    }
    return false;
  });
}

function verifyToken(alg: string, token: string, key: string, isSecret: boolean): boolean {
  if (!isSecret) publicKeys(key); // key errors come first, as in OPA
  const parts = token.split('.');
  if (parts.length !== 3) throw builtinError(`encoded JWT must have 3 sections, found ${parts.length}`);
  const signature = b64urlDecode(parts[2], 'signature');
  return verifyWith(alg, `${parts[0]}.${parts[1]}`, signature, key, isSecret);
}

/** io.jwt.decode_verify: [valid, header, payload]. */
function decodeVerify(token: string, constraints: RegoObject, ctx: BuiltinContext): RegoValue {
  const invalid: RegoValue = [false, new ObjectValue(), new ObjectValue()];
  let cert: string | undefined;
  let secret: string | undefined;
  let alg: string | undefined;
  let iss: string | undefined;
  let aud: string | undefined;
  let timeNs: BigFloat = BigFloat.fromBigInt(ctx.nowNs);
  for (const [k, v] of constraints.entries()) {
    if (k === 'cert') cert = str(v, 2);
    else if (k === 'secret') secret = str(v, 2);
    else if (k === 'alg') alg = str(v, 2);
    else if (k === 'iss') iss = str(v, 2);
    else if (k === 'aud') aud = str(v, 2);
    else if (k === 'time') {
      if (!isNumber(v)) throw builtinError('time value must be a number');
      timeNs = BigFloat.fromNumber(v);
    } else throw builtinError(`unknown token validation constraint: ${typeof k === 'string' ? k : toJSONText(k)}`);
  }
  if ((cert === undefined) === (secret === undefined)) throw builtinError('exactly one of cert or secret must be set');
  const decoded = decode(token);
  const headerAlg = decoded.header.get('alg');
  if (typeof headerAlg !== 'string') return invalid;
  if (alg !== undefined && alg !== headerAlg) return invalid;
  const parts = token.split('.');
  const signature = b64urlDecode(parts[2], 'signature');
  if (!verifyWith(headerAlg, `${parts[0]}.${parts[1]}`, signature, (cert ?? secret)!, secret !== undefined)) return invalid;
  const payload = decoded.payload;
  if (!isObject(payload)) return invalid;
  const nowSeconds = timeNs.quo(BigFloat.fromBigInt(1_000_000_000n));
  const exp = payload.get('exp');
  if (exp !== undefined) {
    if (!isNumber(exp)) throw builtinError('exp value must be a number');
    if (nowSeconds.cmp(BigFloat.fromNumber(exp)) >= 0) return invalid;
  }
  const nbf = payload.get('nbf');
  if (nbf !== undefined) {
    if (!isNumber(nbf)) throw builtinError('nbf value must be a number');
    if (nowSeconds.cmp(BigFloat.fromNumber(nbf)) < 0) return invalid;
  }
  if (iss !== undefined && payload.get('iss') !== iss) return invalid;
  const tokenAud = payload.get('aud');
  if (tokenAud !== undefined) {
    if (aud === undefined) return invalid;
    const list = Array.isArray(tokenAud) ? tokenAud : [tokenAud];
    if (!list.includes(aud)) return invalid;
  } else if (aud !== undefined) return invalid;
  return [true, decoded.header, payload];
}

function signingKey(jwk: unknown, alg: string): KeyObject | Buffer {
  const k = jwk as { kty?: string; k?: string };
  if (alg.startsWith('HS')) {
    if (k.kty !== 'oct' || typeof k.k !== 'string') throw builtinError('invalid key for HMAC: expected an "oct" JWK');
    return Buffer.from(k.k, 'base64url');
  }
  try {
    return createPrivateKey({ key: jwk as never, format: 'jwk' });
  } catch (e) {
    throw builtinError(`failed to parse JWK: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function signRaw(headerText: string, payloadText: string, jwk: () => unknown): string {
  if (headerText === '') throw builtinError(`missing or invalid 'alg' header: cannot parse JSON: cannot parse empty string`);
  const header = parseJSON(headerText);
  const alg = header.value !== undefined && isObject(header.value) ? header.value.get('alg') : undefined;
  if (typeof alg !== 'string') throw builtinError(`missing or invalid 'alg' header: jwsbb: header "alg" not found`);
  const bits = alg.slice(2);
  const known = alg === 'EdDSA' || (['HS', 'RS', 'PS', 'ES'].includes(alg.slice(0, 2)) && HASH[bits] !== undefined);
  if (!known) throw builtinError(`unknown JWS algorithm: ${alg}`);
  const typ = isObject(header.value) ? header.value.get('typ') : undefined;
  if (typeof typ === 'string' && typ.toUpperCase() === 'JWT' && parseJSON(payloadText).error !== undefined) {
    throw builtinError('type is JWT but payload is not JSON');
  }
  const input = `${b64url(headerText)}.${b64url(payloadText)}`;
  const key = signingKey(jwk(), alg);
  let sig: Buffer;
  if (alg.startsWith('HS')) sig = createHmac(HASH[bits], key as Buffer).update(input).digest();
  else if (alg === 'EdDSA') sig = sign(null, Buffer.from(input), key as KeyObject);
  else if (alg.startsWith('RS')) sig = sign(HASH[bits], Buffer.from(input), key as KeyObject);
  else if (alg.startsWith('PS')) sig = sign(HASH[bits], Buffer.from(input), { key: key as KeyObject, padding: 6, saltLength: Number(bits) / 8 });
  else sig = sign(HASH[bits], Buffer.from(input), { key: key as KeyObject, dsaEncoding: 'ieee-p1363' });
  return `${input}.${b64url(sig)}`;
}

function jwkOf(v: RegoValue, pos: number): unknown {
  if (typeof v === 'string') {
    const parsed = parseJSON(v);
    if (parsed.error !== undefined) throw builtinError(`failed to parse JWK: ${parsed.error}`);
    return toJS(parsed.value);
  }
  return toJS(obj(v, pos));
}

const S = T.string;
const verifier = (alg: string): Builtin =>
  def(`io.jwt.verify_${alg.toLowerCase()}`, 'tokens', [['jwt', S], [alg.startsWith('HS') ? 'secret' : 'certificate', S]], ['result', T.boolean],
    alg.startsWith('HS')
      ? `Verifies an ${alg} JWT signature with a shared secret.`
      : `Verifies an ${alg} JWT signature with a PEM certificate, public key, JWK or JWKS.`,
    ([t, k]) => verifyToken(alg, str(t, 1), str(k, 2), alg.startsWith('HS')));

export const jwtBuiltins: Builtin[] = [
  def('io.jwt.decode', 'tokens', [['jwt', S]], ['output', T.array()], 'Decodes a JWT without verifying it: [header, payload, signature (hex)].',
    ([t]) => {
      const d = decode(str(t, 1));
      return [d.header, d.payload, d.signature.toString('hex')];
    }),
  def('io.jwt.decode_verify', 'tokens', [['jwt', S], ['constraints', T.object()]], ['output', T.array()],
    'Verifies a JWT (signature, exp, nbf, iss, aud) and decodes it: [valid, header, payload].',
    ([t, c], ctx) => decodeVerify(str(t, 1), obj(c, 2), ctx), { nondeterministic: true }),
  ...['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'].map(verifier),
  def('io.jwt.encode_sign', 'tokens', [['headers', T.object()], ['payload', T.object()], ['key', T.object()]], ['output', S],
    'Signs a JWT (compact form) with a JWK; the algorithm comes from the `alg` header.',
    ([h, p, k]) => signRaw(toJSONText(obj(h, 1)), toJSONText(obj(p, 2)), () => jwkOf(k, 3)), { nondeterministic: true }),
  def('io.jwt.encode_sign_raw', 'tokens', [['headers', S], ['payload', S], ['key', S]], ['output', S],
    'Signs a JWT from raw JSON texts for the header, payload and JWK.',
    ([h, p, k]) => signRaw(str(h, 1), str(p, 2), () => jwkOf(str(k, 3), 3)), { nondeterministic: true }),
];

