import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../src/platform/http/errors';
import { parseFields } from '../../src/platform/http/form-fields';
import { LONG_TEXT, longText, MAX_TEXT, SHORT_TEXT, shortText, text } from '../../src/platform/http/validation';
import { translator } from '../../src/platform/i18n';

function fieldErrors(run: () => unknown) {
  try {
    run();
  } catch (err) {
    assert.ok(err instanceof AppError);
    return (err as AppError).fields!;
  }
  assert.fail('the input was accepted');
}

test('review 2 #3: free text has platform-wide limits — long and short fields refuse more, with a Polish field error', () => {
  assert.deepEqual([SHORT_TEXT, LONG_TEXT], [300, 5000]);
  const shape = { title: shortText(), need: longText() };
  const ok = parseFields(shape, { title: 'a'.repeat(SHORT_TEXT), need: 'ż'.repeat(LONG_TEXT) });
  assert.equal(ok.need.length, LONG_TEXT);
  const fields = fieldErrors(() => parseFields(shape, { title: 'a'.repeat(SHORT_TEXT + 1), need: 'ż'.repeat(LONG_TEXT + 1) }));
  assert.deepEqual(fields.title, { code: 'too_long', params: { max: 300 } });
  assert.deepEqual(fields.need, { code: 'too_long', params: { max: 5000 } });
  assert.equal(translator('pl').t('error.too_long', fields.need!.params), 'Tekst jest za długi (najwyżej 5000 znaków).');
  // No module can declare a field larger than the platform's ceiling.
  assert.throws(() => text(MAX_TEXT + 1), /at most 20000 characters/);
  assert.doesNotThrow(() => text(MAX_TEXT));
});
