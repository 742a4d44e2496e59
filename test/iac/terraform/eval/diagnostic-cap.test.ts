// Found by the mutation sweep (session 13): a line of 500,000 `${x}` (x undeclared) gave 500,000
// evaluation diagnostics, which the editor, the report and every fix verification carried (21 s
// for a 2 MB file). Like the parser's 1,000 syntax errors, a file keeps its first problems and
// one warning saying the rest are not shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './memory-host';
import { MAX_FILE_DIAGNOSTICS } from '../../../../server/src/iac/terraform/eval/unit';

test('a file with 100,000 failing references keeps its first problems and says the rest are not shown', () => {
  const r = analyze({
    'main.tf': `resource "aws_db_instance" "db" {\n  engine = "mysql"\n  huge = "${'${x}'.repeat(100000)}"\n}\n`,
    'other.tf': 'locals {\n  a = local.nope\n}\n',
  });
  const main = r.diagnostics.filter((d) => d.file === 'main.tf');
  assert.equal(main.length, MAX_FILE_DIAGNOSTICS + 1);
  assert.deepEqual(main.at(-1), { ...main.at(-1)!, severity: 'warning', code: 'tf-too-many-diagnostics', message: `Too many problems in this file: only the first ${MAX_FILE_DIAGNOSTICS} are shown.` });
  // Another file's problems are its own, and the model is still built.
  assert.equal(r.diagnostics.filter((d) => d.file === 'other.tf').length, 1);
  assert.equal(r.model.resources.find((x) => x.address === 'aws_db_instance.db')?.config.engine, 'mysql');
});

test('a file broken on every line keeps all of the parser\'s 1,001 diagnostics, with no second cap warning', () => {
  const r = analyze({ 'main.tf': 'a = [1 2\n'.repeat(5000) });
  assert.equal(r.diagnostics.length, 1001);
  assert.match(r.diagnostics.at(-1)!.message, /^Too many syntax errors/);
});
