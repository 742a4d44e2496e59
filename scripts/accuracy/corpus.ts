// Reads a KICS-shaped corpus (index.json as described in shared/corpora/README.md) into queries
// with their samples and expected results, normalised the way KICS's own test harness reads them.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** One expected result: a 1-based line in a positive sample. `file` undefined = any positive sample. */
export interface ExpectedResult {
  /** Corpus-relative path, or undefined when KICS gave no file name (then any positive file matches). */
  file?: string;
  line: number;
}

export interface KicsQuery {
  id: string;
  name: string;
  severity: string;
  /** Corpus-relative folder of the query. */
  dir: string;
  /** Corpus-relative paths. */
  positiveFiles: string[];
  negativeFiles: string[];
  otherFiles: string[];
  expected: ExpectedResult[];
}

export interface KicsCorpus {
  /** Absolute path of the corpus folder. */
  dir: string;
  name: string;
  queries: KicsQuery[];
  /** Problems reading the index (a query that could not be read is listed here, not dropped silently). */
  problems: string[];
}

interface RawExpected {
  file?: unknown;
  fileName?: unknown;
  filename?: unknown;
  line?: unknown;
}

/** Reads `<dir>/index.json`; throws only when the index itself is missing or not JSON. */
export function readKicsCorpus(dir: string): KicsCorpus {
  const indexPath = join(dir, 'index.json');
  if (!existsSync(indexPath)) throw new Error(`${indexPath} not found: is ${dir} a KICS corpus folder?`);
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as { corpus?: unknown; queries?: unknown };
  const problems: string[] = [];
  const queries: KicsQuery[] = [];
  const rawQueries = Array.isArray(index.queries) ? index.queries : [];
  if (!Array.isArray(index.queries)) problems.push('index.json has no "queries" list');
  for (const raw of rawQueries as Record<string, unknown>[]) {
    const id = typeof raw.id === 'string' ? raw.id : undefined;
    const queryDir = typeof raw.queryDir === 'string' ? raw.queryDir : undefined;
    if (!id || !queryDir) {
      problems.push(`query without id or queryDir: ${JSON.stringify(raw).slice(0, 120)}`);
      continue;
    }
    const positiveFiles = strings(raw.positiveFiles);
    const expected = expectedResults(dir, raw, positiveFiles, problems);
    queries.push({
      id,
      name: typeof raw.queryName === 'string' ? raw.queryName : id,
      severity: typeof raw.severity === 'string' ? raw.severity : '',
      dir: queryDir,
      positiveFiles,
      negativeFiles: strings(raw.negativeFiles),
      otherFiles: strings(raw.otherFiles),
      expected,
    });
  }
  return { dir, name: typeof index.corpus === 'string' ? index.corpus : posix.basename(dir), queries, problems };
}

/**
 * The index's `expectedResults` (corpus-relative `file`), or else the query's own
 * `positive_expected_result.json`, whose entries name a positive file by base name under
 * `fileName` or `filename` (Go's JSON decoder ignores key case) or not at all.
 */
function expectedResults(dir: string, raw: Record<string, unknown>, positiveFiles: string[], problems: string[]): ExpectedResult[] {
  let entries: RawExpected[] | undefined = Array.isArray(raw.expectedResults) ? (raw.expectedResults as RawExpected[]) : undefined;
  if (!entries && typeof raw.expectedResultsFile === 'string') {
    try {
      const parsed = JSON.parse(readFileSync(join(dir, raw.expectedResultsFile), 'utf8')) as unknown;
      entries = Array.isArray(parsed) ? (parsed as RawExpected[]) : [];
    } catch (err) {
      problems.push(`${raw.expectedResultsFile}: ${err instanceof Error ? err.message : String(err)}`);
      entries = [];
    }
  }
  const out: ExpectedResult[] = [];
  for (const entry of entries ?? []) {
    const line = typeof entry.line === 'number' ? entry.line : Number(entry.line);
    if (!Number.isInteger(line) || line < 1) {
      problems.push(`${String(raw.queryDir)}: expected result without a valid line: ${JSON.stringify(entry)}`);
      continue;
    }
    out.push({ file: expectedFile(entry, positiveFiles), line });
  }
  return out;
}

function expectedFile(entry: RawExpected, positiveFiles: string[]): string | undefined {
  if (typeof entry.file === 'string') return entry.file;
  const base = [entry.fileName, entry.filename].find((v): v is string => typeof v === 'string' && v !== '');
  if (base !== undefined) return positiveFiles.find((p) => posix.basename(p) === base) ?? base;
  // No file name: KICS compares lines only; with a single positive file that file is meant.
  return positiveFiles.length === 1 ? positiveFiles[0] : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Samples the Terraform (HCL) front end reads; `.json` samples may be plan/state JSON or Terraform JSON syntax. */
export function isTerraformSample(path: string): boolean {
  return path.endsWith('.tf');
}
