// Rego in a real VS Code: the extension activates on .rego and reports compile errors (with OPA's
// codes, not only parse errors) as they are typed.
import assert from 'node:assert/strict';
import { codeOf, eventually, openEditor, palisadeDiagnostics, replaceText, resetToDisk, screenshot } from './helpers';

describe('Rego', () => {
  it('reports an unsafe variable typed into a rule, with OPA\'s error code, on the variable', async () => {
    const editor = await openEditor('policies/tags.rego');
    assert.equal(editor.document.languageId, 'rego');
    await replaceText(editor, 'not resource.config.tags[tag]', 'not resource.config.tags[tagg]');
    const error = await eventually('a compile error', () => palisadeDiagnostics(editor.document.uri).find((d) => /unsafe|undefined/i.test(String(codeOf(d)) + d.message)));
    assert.equal(editor.document.getText(error.range), 'tagg', `the error covers the variable: ${codeOf(error)} ${error.message}`);
    await screenshot('11-rego-compile-error');
    await replaceText(editor, 'tags[tagg]', 'tags[tag]');
    await eventually('the error to clear', () => (palisadeDiagnostics(editor.document.uri).some((d) => codeOf(d) === codeOf(error)) ? undefined : true));
    await resetToDisk('policies/tags.rego');
  });
});
