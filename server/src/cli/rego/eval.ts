// `palisade rego eval`: evaluates a query like `opa eval`, printing `{"result":[{"expressions":[…],
// "bindings":{…}}]}` (or `{}` when undefined). The evaluator returns bindings only, so each bare
// term expression is rewritten to bind a private var that carries the expression's value.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { checkModules, evalQuery, prepare, lineIndex, parseQuery, parseJSON, parseYAML, toJSONText } from '../../rego';
import type { Expr, RegoError, RegoValue } from '../../rego';
import { parseCommandArgs, usageError, type CommandUsage } from '../args';
import { loadPaths, mergeData } from './files';
import { errorsJSON, errorsPretty, withParseDetails } from './output';

const VALUE_VAR = (i: number) => `expr${i}__palisade`;

interface ExpressionInfo {
  text: string;
  row: number;
  col: number;
  /** The private var bound to a bare term's value, else the expression's value is `true`. */
  valueVar?: string;
}

function isBareTerm(e: Expr): boolean {
  return !e.negated && e.with.length === 0 && !('kind' in e.terms);
}

function readDocument(path: string): { value?: RegoValue; error?: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { error: `stat ${path}: no such file or directory` };
  }
  const r = extname(path).toLowerCase() === '.json' ? parseJSON(text) : parseYAML(text);
  return r.error !== undefined ? { error: `${path}: ${r.error}` } : { value: r.value };
}

function printErrors(errors: RegoError[], format: string, texts: Map<string, string>): number {
  const detailed = withParseDetails(errors, (f) => texts.get(f));
  if (format === 'json') process.stdout.write(errorsJSON(detailed));
  else process.stderr.write(errorsPretty(detailed, detailed.every((e) => e.code === 'rego_parse_error')));
  return 1;
}

export async function runEval(argv: string[], command: CommandUsage): Promise<number> {
  const parsed = parseCommandArgs(command, argv, {
    allowPositionals: true,
    options: {
      data: { type: 'string', short: 'd', multiple: true },
      input: { type: 'string', short: 'i' },
      format: { type: 'string', short: 'f', default: 'json' },
      'v0-compatible': { type: 'boolean' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const o = parsed.values;
  if (parsed.positionals.length !== 1) return usageError(command, 'expected exactly one query');
  if (o.format !== 'json' && o.format !== 'pretty') return usageError(command, `invalid --format ${o.format} (json or pretty)`);
  const query = parsed.positionals[0];

  const loaded = loadPaths(o.data ?? [], { data: true });
  if (loaded.missing.length > 0) return usageError(command, loaded.missing.map((p) => `stat ${p}: no such file or directory`).join('; '));
  const badData = loaded.data.find((d) => d.error !== undefined);
  if (badData) {
    process.stderr.write(`palisade rego eval: ${badData.path}: ${badData.error}\n`);
    return 1;
  }
  let input: RegoValue | undefined;
  if (o.input) {
    const doc = readDocument(o.input);
    if (doc.error !== undefined) {
      process.stderr.write(`palisade rego eval: ${doc.error}\n`);
      return 1;
    }
    input = doc.value;
  }
  const texts = new Map(loaded.modules.map((m) => [m.path, m.text]));
  const regoVersion = o['v0-compatible'] ? 'v0' : 'v1';
  const sources = loaded.modules.map((m) => ({ file: m.path, text: m.text, regoVersion }) as const);
  // OPA compiles (and checks) the policies before evaluating.
  const checked = checkModules(sources);
  if (checked.length > 0) return printErrors(checked, o.format, texts);
  const prepared = prepare(sources);
  if (!prepared.policy) return printErrors(prepared.errors, o.format, texts);

  const q = parseQuery(query, { regoVersion });
  if (!q.body) return printErrors(q.errors.map((e) => ({ ...e, file: e.file })), o.format, new Map());
  const queryErrors = checkQuery(sources, query, regoVersion);
  if (queryErrors.length > 0) return printErrors(queryErrors, o.format, new Map());
  const li = lineIndex(query);
  const exprs: ExpressionInfo[] = q.body.map((e, i) => {
    const p = li.position(e.loc.start);
    return { text: query.slice(e.loc.start, e.loc.end), row: p.row, col: p.col, ...(isBareTerm(e) ? { valueVar: VALUE_VAR(i) } : {}) };
  });
  const rewritten = exprs.map((x) => (x.valueVar ? `${x.valueVar} = ${x.text}` : x.text)).join('; ');
  const r = evalQuery(prepared.policy, rewritten, { input, data: mergeData(loaded.data) });
  if (r.errors.length > 0) return printErrors(r.errors, o.format, texts);

  const results = r.results.map((bindings) => {
    const values = exprs.map((x) => (x.valueVar ? bindings[x.valueVar] : true));
    const own = Object.entries(bindings).filter(([k]) => !exprs.some((x) => x.valueVar === k));
    return { values, bindings: own };
  });
  process.stdout.write(o.format === 'json' ? resultJSON(results, exprs) : resultPretty(results, exprs));
  return 0;
}

const QUERY_PACKAGE = 'palisade_query__';
const QUERY_FILE = '<query>';

/**
 * OPA compiles a query like a rule body: the same checks run on it. It is checked as the body of a
 * rule in a package of its own (lines 4… of that module are the query's lines 1…).
 */
function checkQuery(sources: readonly { file: string; text: string; regoVersion: 'v0' | 'v1' }[], query: string, regoVersion: 'v0' | 'v1'): RegoError[] {
  const text = `package ${QUERY_PACKAGE}\n\n${QUERY_PACKAGE} ${regoVersion === 'v1' ? 'if ' : ''}{\n${query}\n}\n`;
  const errors = checkModules([...sources, { file: QUERY_FILE, text, regoVersion }]);
  return errors.map((e) => (e.file === QUERY_FILE ? { ...e, file: '', row: Math.max(e.row - 3, 1) } : e));
}

type Result = { values: (RegoValue | undefined)[]; bindings: [string, RegoValue][] };

function json(v: RegoValue | undefined, depth: number): string {
  return v === undefined ? 'null' : toJSONText(v, { indent: '  ', prefix: '  '.repeat(depth) });
}

/** OPA's `--format json`: indented like json.MarshalIndent, keys in OPA's order. */
function resultJSON(results: Result[], exprs: ExpressionInfo[]): string {
  if (results.length === 0) return '{}\n';
  const q = (s: string) => JSON.stringify(s).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  const out: string[] = ['{', '  "result": ['];
  results.forEach((r, ri) => {
    out.push('    {', '      "expressions": [');
    exprs.forEach((x, i) => {
      out.push('        {');
      out.push(`          "value": ${json(r.values[i], 5)},`);
      out.push(`          "text": ${q(x.text)},`);
      out.push('          "location": {', `            "row": ${x.row},`, `            "col": ${x.col}`, '          }');
      out.push(`        }${i < exprs.length - 1 ? ',' : ''}`);
    });
    if (r.bindings.length > 0) {
      out.push('      ],', '      "bindings": {');
      const sorted = [...r.bindings].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      sorted.forEach(([k, v], i) => out.push(`        ${q(k)}: ${json(v, 4)}${i < sorted.length - 1 ? ',' : ''}`));
      out.push('      }');
    } else out.push('      ]');
    out.push(`    }${ri < results.length - 1 ? ',' : ''}`);
  });
  out.push('  ]', '}');
  return out.join('\n') + '\n';
}

/** OPA's `--format pretty`: the value of a single expression, a table of bindings otherwise. */
function resultPretty(results: Result[], exprs: ExpressionInfo[]): string {
  if (results.length === 0) return 'undefined\n';
  const noBindings = results.every((r) => r.bindings.length === 0);
  if (noBindings && exprs.length === 1) return results.map((r) => json(r.values[0], 0)).join('\n') + '\n';
  if (noBindings) return results.map((r) => r.values.map((v) => json(v, 0)).join('\n')).join('\n') + '\n';
  const names = [...new Set(results.flatMap((r) => r.bindings.map(([k]) => k)))].sort();
  const rows = results.map((r) => names.map((n) => {
    const v = r.bindings.find(([k]) => k === n)?.[1];
    return v === undefined ? '' : toJSONText(v, { escapeHTML: false });
  }));
  const widths = names.map((n, i) => Math.max(n.length, ...rows.map((row) => row[i].length)));
  const line = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+';
  const fmtRow = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [line, fmtRow(names), line, ...rows.map(fmtRow), line].join('\n') + '\n';
}
