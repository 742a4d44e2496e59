// Data documents placed under `data` by directory and merged as OPA's loader merges them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataDocumentPrefix, isDataDocumentPath, mergeDataDocuments, parseDataDocument, toJSONText, type DataDocument } from '../../server/src/rego/index';

const doc = (path: string, text: string, root = ''): DataDocument => parseDataDocument(path, text, dataDocumentPrefix(path, root));
const json = (docs: DataDocument[]) => toJSONText(mergeDataDocuments(docs).data);

test('a document goes under data by its directory relative to the root', () => {
  assert.deepEqual(dataDocumentPrefix('pol/config/data.json', 'pol'), ['config']);
  assert.deepEqual(dataDocumentPrefix('./pol/a/b/x.yaml', 'pol/'), ['a', 'b']);
  assert.deepEqual(dataDocumentPrefix('/ws/a/b/data.json', '/ws'), ['a', 'b']);
  assert.deepEqual(dataDocumentPrefix('C:\\ws\\a\\data.json', 'C:\\ws'), ['a']);
  assert.deepEqual(dataDocumentPrefix('/ws/data.json', '/ws'), [], 'a document at the root merges into data itself');
  assert.deepEqual(dataDocumentPrefix('data.json', 'data.json'), [], 'a file given directly goes to the root');
  assert.deepEqual(dataDocumentPrefix('/elsewhere/x/data.json', '/ws'), []);
  assert.ok(isDataDocumentPath('a/b.JSON') && isDataDocumentPath('c.yml') && isDataDocumentPath('d.yaml'));
  assert.ok(!isDataDocumentPath('a.rego') && !isDataDocumentPath('json'));
});

test('documents merge key by key, nested objects included, whatever the format', () => {
  const merged = json([
    doc('ws/config/data.json', '{"x": 1, "limits": {"max": 3}}', 'ws'),
    doc('ws/config/more.yaml', 'limits:\n  min: 1\nname: prod\n', 'ws'),
    doc('ws/config/deep/data.yml', 'k: [1, 2]\n', 'ws'),
    doc('ws/top.json', '{"top": true}', 'ws'),
    doc('ws/list/data.json', '[1, 2]', 'ws'),
  ]);
  assert.equal(merged, '{"config":{"deep":{"k":[1,2]},"limits":{"max":3,"min":1},"name":"prod","x":1},"list":[1,2],"top":true}');
});

test('numbers keep their precision through the merge', () => {
  assert.equal(json([doc('a/data.json', '{"big": 123456789012345678901234567890, "f": 1.10}', '')]), '{"a":{"big":123456789012345678901234567890,"f":1.10}}');
});

test('a conflict leaves the later document out and names both files, as OPA reports a merge error', () => {
  const docs = [doc('ws/config/a.json', '{"x": 1, "o": {"k": 1}}', 'ws'), doc('ws/config/b.json', '{"y": 2, "o": {"k": 2}}', 'ws'), doc('ws/config/c.json', '{"z": 3}', 'ws')];
  const merged = mergeDataDocuments(docs);
  assert.deepEqual(merged.problems, [{ path: 'ws/config/b.json', message: 'merge error: data.config.o.k is also defined by ws/config/a.json', index: 1 }]);
  assert.equal(toJSONText(merged.data), '{"config":{"o":{"k":1},"x":1,"z":3}}', 'b.json is left out whole, c.json still merges');
  // Equal values conflict too (OPA merges objects only), and so does an object meeting a scalar.
  assert.match(mergeDataDocuments([doc('a.json', '{"x": 1}'), doc('b.json', '{"x": 1}')]).problems[0]?.message ?? '', /merge error: data\.x is also defined by a\.json/);
  assert.match(mergeDataDocuments([doc('ws/d/x.json', '[1]', 'ws'), doc('ws/d/y.json', '{"k": 1}', 'ws')]).problems[0]?.message ?? '', /merge error: data\.d is also defined by ws\/d\/x\.json/);
  assert.equal(mergeDataDocuments([doc('ws/d/x.json', '{"k": {"a": 1}}', 'ws'), doc('ws/y.json', '{"d": {"k": {"b": 2}}}', 'ws')]).problems.length, 0, 'a directory and a root document merge');
});

test('a parse error and a non-object at the root are problems naming the file; the rest still loads', () => {
  const merged = mergeDataDocuments([doc('ws/bad/data.json', '{"x": ', 'ws'), doc('ws/list.json', '[1]', 'ws'), doc('ws/ok.yaml', 'a: 1\n', 'ws'), doc('ws/y/data.yaml', 'a: [\n', 'ws')]);
  assert.deepEqual(merged.problems.map((p) => [p.path, p.index]), [['ws/bad/data.json', 0], ['ws/list.json', 1], ['ws/y/data.yaml', 3]]);
  assert.ok(merged.problems[0].message.length > 0);
  assert.match(merged.problems[1].message, /^bad document type/);
  assert.equal(toJSONText(merged.data), '{"a":1}');
});

test('merging does not change the parsed documents (they are cached and merged again)', () => {
  const a = doc('ws/c/a.json', '{"o": {"k": 1}}', 'ws');
  const b = doc('ws/c/b.json', '{"o": {"j": 2}}', 'ws');
  assert.equal(json([a, b]), '{"c":{"o":{"j":2,"k":1}}}');
  assert.equal(json([a]), '{"c":{"o":{"k":1}}}');
  assert.equal(toJSONText(a.value!), '{"o":{"k":1}}');
});
