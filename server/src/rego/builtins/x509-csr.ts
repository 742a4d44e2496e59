// crypto.x509.parse_certificate_request: a small DER reader for PKCS #10 requests (node:crypto has
// no CSR parser). Returns the subset of Go's x509.CertificateRequest fields listed in the docs.

import { createPublicKey } from 'node:crypto';
import { fromJS } from '../value/json';
import type { RegoValue } from '../value/types';
import { decodePem } from './crypto';
import { base64Decode } from './encoding';
import { builtinError, def, str, T } from './support';
import type { Builtin } from './types';

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

interface Der {
  tag: number;
  /** Whole element (header + content). */
  raw: Buffer;
  content: Buffer;
}

function readDer(buf: Buffer, at: number): { el: Der; next: number } {
  const malformed = () => builtinError('x509: malformed certificate request');
  if (at + 2 > buf.length) throw malformed();
  const tag = buf[at];
  let len = buf[at + 1];
  let header = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || at + 2 + n > buf.length) throw malformed();
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[at + 2 + i];
    header += n;
  }
  const end = at + header + len;
  if (end > buf.length) throw malformed();
  return { el: { tag, raw: buf.subarray(at, end), content: buf.subarray(at + header, end) }, next: end };
}

function children(el: Der): Der[] {
  const out: Der[] = [];
  for (let at = 0; at < el.content.length; ) {
    const { el: child, next } = readDer(el.content, at);
    out.push(child);
    at = next;
  }
  return out;
}

function oidText(b: Buffer): string {
  const parts = [Math.floor(b[0] / 40), b[0] % 40];
  let v = 0;
  for (const byte of b.subarray(1)) {
    v = v * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

const NAME_FIELDS: Record<string, string> = {
  '2.5.4.6': 'Country', '2.5.4.10': 'Organization', '2.5.4.11': 'OrganizationalUnit', '2.5.4.7': 'Locality',
  '2.5.4.8': 'Province', '2.5.4.9': 'StreetAddress', '2.5.4.17': 'PostalCode',
};

function pkixName(name: Der): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Country: null, Organization: null, OrganizationalUnit: null, Locality: null, Province: null, StreetAddress: null,
    PostalCode: null, SerialNumber: '', CommonName: '', Names: [] as unknown[],
  };
  for (const rdn of children(name)) {
    for (const atv of children(rdn)) {
      const [oid, value] = children(atv);
      if (!oid || !value) continue;
      const id = oidText(oid.content);
      const text = value.content.toString(value.tag === 0x1e ? 'utf16le' : 'utf8');
      (out.Names as unknown[]).push({ Type: id.split('.').map(Number), Value: text });
      if (id === '2.5.4.3') out.CommonName = text;
      else if (id === '2.5.4.5') out.SerialNumber = text;
      else if (NAME_FIELDS[id]) out[NAME_FIELDS[id]] = [...((out[NAME_FIELDS[id]] as string[] | null) ?? []), text];
    }
  }
  return out;
}

function requestDer(input: string): Buffer {
  let text = input;
  if (!text.startsWith('-----BEGIN')) {
    const bytes = base64Decode(text, STD, true);
    if (typeof bytes === 'string') throw builtinError(bytes);
    const decoded = Buffer.from(bytes);
    if (!decoded.toString('latin1').startsWith('-----BEGIN')) return decoded;
    text = decoded.toString('latin1');
  }
  const block = decodePem(text).blocks.find((b) => b.type === 'CERTIFICATE REQUEST' || b.type === 'NEW CERTIFICATE REQUEST');
  if (!block) throw builtinError('invalid PEM-encoded certificate signing request');
  return block.der;
}

function parseRequest(der: Buffer): RegoValue {
  const { el: outer } = readDer(der, 0);
  const [info] = children(outer);
  if (!info) throw builtinError('x509: malformed certificate request');
  const [version, subject, spki] = children(info);
  if (!version || !subject || !spki) throw builtinError('x509: malformed certificate request');
  let publicKey: unknown = null;
  try {
    publicKey = createPublicKey({ key: spki.raw, format: 'der', type: 'spki' }).export({ format: 'jwk' });
  } catch {
    publicKey = null;
  }
  return fromJS({
    Raw: outer.raw.toString('base64'),
    RawTBSCertificateRequest: info.raw.toString('base64'),
    RawSubjectPublicKeyInfo: spki.raw.toString('base64'),
    RawSubject: subject.raw.toString('base64'),
    Version: version.content.length ? version.content[version.content.length - 1] : 0,
    Subject: pkixName(subject),
    PublicKey: publicKey,
  });
}

export const csrBuiltins: Builtin[] = [
  def('crypto.x509.parse_certificate_request', 'crypto', [['csr', T.string]], ['output', T.object()],
    'Parses a PEM or base64 DER PKCS #10 certificate signing request (Subject, PublicKey as JWK, raw fields).',
    ([c]) => parseRequest(requestDer(str(c, 1)))),
];
