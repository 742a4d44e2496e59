// providers.aws.sign_req: signs an http.send request object with AWS Signature Version 4. Pure
// computation (no network), following OPA's choice of signed headers and its error messages.

import { createHash, createHmac } from 'node:crypto';
import { isObject, ObjectValue } from '../value/collections';
import { toJSONText, toRegoText } from '../value/format';
import type { RegoObject, RegoValue } from '../value/types';
import { def, isNumber, obj, T, typeError } from './support';
import type { Builtin } from './types';
import { INT64_MAX } from './time/civil';

const quoted = (xs: string[]) => `{${xs.map((x) => JSON.stringify(x)).join(', ')}}`;

function requireStrings(o: RegoObject, keys: string[], pos: number, what: string): Record<string, string> {
  const missing = keys.filter((k) => !o.has(k));
  if (missing.length) throw typeError(`operand ${pos} missing required ${what} parameters(s): ${quoted(missing)}`);
  const invalid = keys.filter((k) => typeof o.get(k) !== 'string');
  if (invalid.length) throw typeError(`operand ${pos} invalid values for required ${what} parameters(s): ${quoted(invalid)}`);
  return Object.fromEntries(keys.map((k) => [k, o.get(k) as string]));
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding of one path segment or query component, as AWS canonicalisation requires. */
const awsEscape = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function amzDate(ns: bigint): { date: string; stamp: string } {
  const iso = new Date(Number(ns / 1_000_000n)).toISOString(); // 2015-12-28T14:08:25.000Z
  const stamp = iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return { date: stamp.slice(0, 8), stamp };
}

function signRequest(request: RegoObject, config: RegoObject, timeNs: RegoValue): RegoValue {
  const req = requireStrings(request, ['method', 'url'], 1, 'request');
  const cfg = requireStrings(config, ['aws_access_key', 'aws_region', 'aws_secret_access_key', 'aws_service'], 2, 'AWS config');
  const disable = config.get('disable_payload_signing');
  if (disable !== undefined && typeof disable !== 'boolean') throw typeError("operand 2 invalid value for 'disable_payload_signing' in AWS config");
  if (!isNumber(timeNs) || timeNs.int === undefined || timeNs.int < 0n || timeNs.int > INT64_MAX) {
    throw typeError('operand 3 could not convert time_ns value into a unix timestamp');
  }
  const { date, stamp } = amzDate(timeNs.int);
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw typeError(`operand 1 invalid url: ${req.url}`);
  }
  const body = request.get('raw_body') ?? request.get('body');
  const payload = body === undefined ? '' : typeof request.get('raw_body') === 'string' ? (request.get('raw_body') as string) : toJSONText(body, { escapeHTML: false });
  const payloadHash = disable === true ? 'UNSIGNED-PAYLOAD' : sha256(payload);

  const headers = new Map<string, string>();
  const given = request.get('headers');
  if (given !== undefined && isObject(given)) {
    for (const [k, v] of given.entries()) headers.set(typeof k === 'string' ? k : toRegoText(k), typeof v === 'string' ? v : toRegoText(v));
  }
  // OPA signs a caller-supplied x-amz-content-sha256 as given but returns the computed one.
  const suppliedHash = [...headers].find(([k]) => k.toLowerCase() === 'x-amz-content-sha256')?.[1];
  headers.set('host', url.host);
  headers.set('x-amz-content-sha256', payloadHash);
  headers.set('x-amz-date', stamp);
  const token = config.get('aws_session_token');
  if (typeof token === 'string' && token !== '') headers.set('x-amz-security-token', token);

  const canonical = [...headers]
    .map(([k, v]) => [k.toLowerCase(), k === 'x-amz-content-sha256' && suppliedHash !== undefined ? suppliedHash : v] as const)
    .map(([k, v]) => [k, v.trim().replace(/\s+/g, ' ')] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const signedHeaders = canonical.map(([k]) => k).join(';');
  // OPA signs the path as written: an URL without a path signs "" (not "/").
  const rawPath = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(req.url)?.[1] ?? '';
  const path = rawPath.split('/').map((seg) => awsEscape(safeDecode(seg))).join('/');
  const query = [...url.searchParams].map(([k, v]) => `${awsEscape(k)}=${awsEscape(v)}`).sort().join('&');
  const canonicalRequest = [
    req.method, path, query, ...canonical.map(([k, v]) => `${k}:${v}`), '', signedHeaders, payloadHash,
  ].join('\n');
  const scope = `${date}/${cfg.aws_region}/${cfg.aws_service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${cfg.aws_secret_access_key}`, date);
  for (const part of [cfg.aws_region, cfg.aws_service, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(toSign).digest('hex');

  const outHeaders = new ObjectValue([...headers].map(([k, v]) => [k, v] as [RegoValue, RegoValue]));
  outHeaders.set('Authorization', `AWS4-HMAC-SHA256 Credential=${cfg.aws_access_key}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`);
  const out = new ObjectValue(request.entries());
  out.set('headers', outHeaders);
  return out;
}

export const awsBuiltins: Builtin[] = [
  def('providers.aws.sign_req', 'providers.aws', [['request', T.object()], ['aws_config', T.object()], ['time_ns', T.number]], ['signed_request', T.object()],
    'Signs an http.send request object for AWS (Signature Version 4) at the given time; returns the request with its signed headers.',
    ([r, c, t]) => signRequest(obj(r, 1), obj(c, 2), t)),
];
