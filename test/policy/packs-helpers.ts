// Fixtures for the team-pack tests, generated in a temp directory: pack folders, git checkouts,
// OPA bundles (gzipped tar written by the code under test's own writer, or by hand for hostile
// members) and freshly generated signing keys.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeTarGz, type TarEntry } from '../../server/src/policy';
import { tempDirRemovedAtExit } from '../helpers/temp-dir';
import { ruleModule } from './helpers';

export const BUCKET_TF = 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n';

export function tempDir(prefix = 'palisade-packs-'): string {
  return tempDirRemovedAtExit(prefix).split('\\').join('/');
}

export function writeTree(root: string, files: Record<string, string | Uint8Array>): string {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return root;
}

/** A rule that reports every S3 bucket, reading an optional message suffix from data. */
export function bucketRule(id: string, pkg: string, options: { dataRef?: string; v0?: boolean } = {}): string {
  if (options.v0) {
    // Rego v0 syntax: no `if`/`contains`, only valid when parsed as v0.
    return [
      '# METADATA',
      `# title: ${id}`,
      '# custom:',
      `#   id: ${id}`,
      '#   severity: medium',
      '#   resource_types: [aws_s3_bucket]',
      `package ${pkg}`,
      '',
      'deny[f] {',
      '  r := input.resources[_]',
      '  r.type == "aws_s3_bucket"',
      `  f := {"msg": "${id} flags the bucket", "resource": r.address, "path": []}`,
      '}',
      '',
    ].join('\n');
  }
  const msg = options.dataRef ? `sprintf("%s: %s", ["${id}", ${options.dataRef}])` : `"${id} flags the bucket"`;
  return ruleModule({
    id,
    severity: 'medium',
    pkg,
    resourceTypes: ['aws_s3_bucket'],
    body: `deny contains {"msg": ${msg}, "resource": r.address, "path": []} if {\n\tsome r in input.resources\n\tr.type == "aws_s3_bucket"\n}`,
  });
}

/** A gzipped bundle from path → content, files in the given order. */
export function bundleBytes(files: Record<string, string | Uint8Array>, extra: TarEntry[] = []): Uint8Array {
  const entries: TarEntry[] = Object.entries(files).map(([name, content]) => ({ name, data: typeof content === 'string' ? Buffer.from(content) : content }));
  return writeTarGz([...entries, ...extra]);
}

export function rsaKeys(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export function ecKeys(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** A tiny stand-in for the built-in pack, so these tests do not compile the real one. */
export const FAKE_BUILTIN = [{ path: 'builtin/bucket.rego', text: bucketRule('PAL-FAKE-001', 'palisade.fake.bucket') }];
