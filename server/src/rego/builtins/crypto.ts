// crypto.* via node:crypto: digests, HMACs, and X.509 parsing (a subset of the fields Go's
// x509.Certificate marshals to; see docs/rego-builtins.md).

import { createHash, createHmac, createPrivateKey, timingSafeEqual, X509Certificate } from 'node:crypto';
import { ObjectValue } from '../value/collections';
import { fromJS } from '../value/json';
import type { RegoValue } from '../value/types';
import { base64Decode } from './encoding';
import { builtinError, def, str, T } from './support';

const STD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
import type { Builtin } from './types';

const digest = (alg: string) => (s: string) => createHash(alg).update(Buffer.from(s, 'utf8')).digest('hex');
const hmac = (alg: string) => (s: string, key: string) => createHmac(alg, Buffer.from(key, 'utf8')).update(Buffer.from(s, 'utf8')).digest('hex');

interface PemBlock {
  type: string;
  der: Buffer;
}

/** PEM blocks from text; `rest` is what follows the last block (Go's pem.Decode loop). */
export function decodePem(text: string): { blocks: PemBlock[]; rest: string } {
  const re = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----\r?\n?/g;
  const blocks: PemBlock[] = [];
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2].split(/\r?\n/).filter((l) => !/^[A-Za-z-]+:/.test(l)).join('');
    blocks.push({ type: m[1], der: Buffer.from(body, 'base64') });
    last = re.lastIndex;
  }
  return { blocks, rest: text.slice(last) };
}

/** Input that is PEM, base64 of PEM, or base64 of DER (OPA's getX509CertsFromString). */
function certificateDers(input: string): Buffer[] {
  let text = input;
  if (!text.startsWith('-----BEGIN')) {
    const bytes = base64Decode(text, STD_ALPHABET, true);
    if (typeof bytes === 'string') throw builtinError(bytes);
    const decoded = Buffer.from(bytes);
    const asText = decoded.toString('latin1');
    if (!asText.startsWith('-----BEGIN')) return splitDer(decoded);
    text = asText;
  }
  const { blocks, rest } = decodePem(text);
  if (blocks.length === 0) throw builtinError('failed to parse a PEM certificate');
  if (rest.trim() !== '') throw builtinError('extra data after a PEM certificate block');
  return blocks.filter((b) => b.type === 'CERTIFICATE').map((b) => b.der);
}

/** Concatenated DER certificates, split by their outer SEQUENCE lengths. */
function splitDer(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let i = 0;
  while (i < buf.length) {
    if (buf[i] !== 0x30 || i + 2 > buf.length) throw builtinError('x509: malformed certificate');
    let len = buf[i + 1];
    let header = 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      if (n === 0 || n > 4 || i + 2 + n > buf.length) throw builtinError('x509: malformed certificate');
      len = 0;
      for (let k = 0; k < n; k++) len = len * 256 + buf[i + 2 + k];
      header += n;
    }
    if (i + header + len > buf.length) throw builtinError('x509: malformed certificate');
    out.push(buf.subarray(i, i + header + len));
    i += header + len;
  }
  return out;
}

function parseCert(der: Buffer): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch {
    throw builtinError('x509: malformed certificate');
  }
}

const NAME_FIELDS: Record<string, string> = {
  C: 'Country', O: 'Organization', OU: 'OrganizationalUnit', L: 'Locality', ST: 'Province', street: 'StreetAddress', postalCode: 'PostalCode',
};

function pkixName(dn: string): Record<string, unknown> {
  const name: Record<string, unknown> = {
    Country: null, Organization: null, OrganizationalUnit: null, Locality: null, Province: null, StreetAddress: null,
    PostalCode: null, SerialNumber: '', CommonName: '',
  };
  for (const line of dn.split('\n')) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1);
    if (key === 'CN') name.CommonName = value;
    else if (key === 'serialNumber') name.SerialNumber = value;
    else if (NAME_FIELDS[key]) name[NAME_FIELDS[key]] = [...((name[NAME_FIELDS[key]] as string[] | null) ?? []), value];
  }
  return name;
}

function altNames(cert: X509Certificate): { dns: string[]; email: string[]; ip: string[]; uri: string[] } {
  const out = { dns: [] as string[], email: [] as string[], ip: [] as string[], uri: [] as string[] };
  for (const part of (cert.subjectAltName ?? '').split(/, (?=[A-Za-z ]+:)/)) {
    const colon = part.indexOf(':');
    const kind = part.slice(0, colon);
    const value = part.slice(colon + 1).replace(/^"|"$/g, '');
    if (kind === 'DNS') out.dns.push(value);
    else if (kind === 'email') out.email.push(value);
    else if (kind === 'IP Address') out.ip.push(value);
    else if (kind === 'URI') out.uri.push(value);
  }
  return out;
}

const nullIfEmpty = (xs: string[]) => (xs.length ? xs : null);

function certificateObject(cert: X509Certificate): RegoValue {
  const alt = altNames(cert);
  const plain = {
    Raw: cert.raw.toString('base64'),
    Version: 3,
    SerialNumber: BigInt('0x' + cert.serialNumber),
    Issuer: pkixName(cert.issuer),
    Subject: pkixName(cert.subject),
    NotBefore: new Date(cert.validFrom).toISOString().replace('.000Z', 'Z'),
    NotAfter: new Date(cert.validTo).toISOString().replace('.000Z', 'Z'),
    IsCA: cert.ca,
    DNSNames: nullIfEmpty(alt.dns),
    EmailAddresses: nullIfEmpty(alt.email),
    IPAddresses: nullIfEmpty(alt.ip),
    URIs: nullIfEmpty(alt.uri),
    URIStrings: nullIfEmpty(alt.uri),
    PublicKey: publicKeyJwk(cert),
  };
  return fromJS(plain);
}

function publicKeyJwk(cert: X509Certificate): unknown {
  try {
    return cert.publicKey.export({ format: 'jwk' });
  } catch {
    return null;
  }
}

/** Verifies a chain given root first and leaf last (each certificate issued by the one before it). */
function verifyChain(certs: X509Certificate[]): boolean {
  if (certs.length < 2) return false;
  for (let i = 1; i < certs.length; i++) {
    if (!certs[i].checkIssued(certs[i - 1]) || !certs[i].verify(certs[i - 1].publicKey)) return false;
  }
  const now = Date.now();
  return certs.every((c) => new Date(c.validFrom).getTime() <= now && now <= new Date(c.validTo).getTime());
}

function rsaPrivateKeyJwk(input: string): RegoValue {
  let text = input;
  if (!text.startsWith('-----BEGIN')) {
    const decoded = base64Decode(text, STD_ALPHABET, true);
    if (typeof decoded === 'string') throw builtinError(decoded);
    text = Buffer.from(decoded).toString('latin1');
  }
  const { blocks } = decodePem(text);
  if (blocks.length === 0) throw builtinError('failed to parse PEM block containing the key');
  try {
    const key = createPrivateKey({ key: text, format: 'pem' });
    return fromJS(key.export({ format: 'jwk' }));
  } catch (e) {
    throw builtinError(e instanceof Error ? e.message : String(e));
  }
}

/** crypto.parse_private_keys: every private key in PEM (or base64 PEM) text, as JWKs. */
function privateKeys(input: string): RegoValue {
  if (input === '') return [];
  let text = input;
  if (!text.startsWith('-----BEGIN')) {
    const decoded = base64Decode(text, STD_ALPHABET, true);
    if (typeof decoded === 'string') throw builtinError(decoded);
    text = Buffer.from(decoded).toString('latin1');
  }
  const { blocks } = decodePem(text);
  return blocks
    .filter((b) => /PRIVATE KEY$/.test(b.type))
    .map((b) => {
      try {
        const pem = `-----BEGIN ${b.type}-----\n${b.der.toString('base64')}\n-----END ${b.type}-----\n`;
        return fromJS(createPrivateKey({ key: pem, format: 'pem' }).export({ format: 'jwk' }));
      } catch (e) {
        throw builtinError(e instanceof Error ? e.message : String(e));
      }
    });
}

function keyPair(certInput: string, keyInput: string): RegoValue {
  const ders = certificateDers(certInput);
  if (ders.length === 0) throw builtinError('failed to extract a Key from the PEM certificate');
  const keyText = keyInput.startsWith('-----BEGIN') ? keyInput : Buffer.from(keyInput, 'base64').toString('latin1');
  let jwk: unknown;
  try {
    jwk = createPrivateKey({ key: keyText, format: 'pem' }).export({ format: 'jwk' });
  } catch {
    throw builtinError('failed to extract a Key from the PEM certificate');
  }
  return new ObjectValue([
    ['Certificate', ders.map((d) => d.toString('base64'))],
    ['PrivateKey', fromJS(jwk)],
    ['Leaf', certificateObject(parseCert(ders[0]))],
  ]);
}

const S = T.string;

export const cryptoBuiltins: Builtin[] = [
  def('crypto.md5', 'crypto', [['x', S]], ['y', S], 'MD5 digest of a string, hex-encoded.', ([s]) => digest('md5')(str(s, 1))),
  def('crypto.sha1', 'crypto', [['x', S]], ['y', S], 'SHA-1 digest of a string, hex-encoded.', ([s]) => digest('sha1')(str(s, 1))),
  def('crypto.sha256', 'crypto', [['x', S]], ['y', S], 'SHA-256 digest of a string, hex-encoded.', ([s]) => digest('sha256')(str(s, 1))),
  def('crypto.hmac.md5', 'crypto', [['x', S], ['key', S]], ['y', S], 'HMAC-MD5 of a string, hex-encoded.',
    ([s, k]) => hmac('md5')(str(s, 1), str(k, 2))),
  def('crypto.hmac.sha1', 'crypto', [['x', S], ['key', S]], ['y', S], 'HMAC-SHA1 of a string, hex-encoded.',
    ([s, k]) => hmac('sha1')(str(s, 1), str(k, 2))),
  def('crypto.hmac.sha256', 'crypto', [['x', S], ['key', S]], ['y', S], 'HMAC-SHA256 of a string, hex-encoded.',
    ([s, k]) => hmac('sha256')(str(s, 1), str(k, 2))),
  def('crypto.hmac.sha512', 'crypto', [['x', S], ['key', S]], ['y', S], 'HMAC-SHA512 of a string, hex-encoded.',
    ([s, k]) => hmac('sha512')(str(s, 1), str(k, 2))),
  def('crypto.hmac.equal', 'crypto', [['mac1', S], ['mac2', S]], ['result', T.boolean], 'Compares two MACs in constant time.',
    ([a, b]) => {
      const x = Buffer.from(str(a, 1), 'utf8');
      const y = Buffer.from(str(b, 2), 'utf8');
      return x.length === y.length && timingSafeEqual(x, y);
    }),
  def('crypto.x509.parse_certificates', 'crypto', [['certs', S]], ['output', T.array(T.object())],
    'Parses PEM or base64 DER certificates into objects (Subject, Issuer, DNSNames, NotBefore, …).',
    ([c]) => certificateDers(str(c, 1)).map((d) => certificateObject(parseCert(d)))),
  def('crypto.x509.parse_and_verify_certificates', 'crypto', [['certs', S]], ['output', T.array()],
    'Verifies a chain given root first and leaf last; returns [valid, certificates from leaf to root] ([false, []] when invalid).',
    ([c]) => {
      const certs = certificateDers(str(c, 1)).map(parseCert);
      const valid = verifyChain(certs);
      return [valid, valid ? [...certs].reverse().map(certificateObject) : []];
    }),
  def('crypto.x509.parse_rsa_private_key', 'crypto', [['pem', S]], ['output', T.object()], 'Parses an RSA private key (PEM) into a JWK object.',
    ([p]) => rsaPrivateKeyJwk(str(p, 1))),
  def('crypto.parse_private_keys', 'crypto', [['keys', S]], ['output', T.array(T.object())],
    'Parses the private keys in PEM (or base64-encoded PEM) text into JWK objects; [] for an empty string.',
    ([k]) => privateKeys(str(k, 1))),
  def('crypto.x509.parse_keypair', 'crypto', [['cert', S], ['pem', S]], ['output', T.object()],
    'Parses a certificate and its private key (PEM or base64 PEM) into a key pair object.',
    ([c, k]) => keyPair(str(c, 1), str(k, 2))),
];

