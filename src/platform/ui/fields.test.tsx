import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../i18n';
import type { FormState, PageContext } from './context';
import { InputField, SelectField } from './fields';
import { ErrorSummary, TextField } from './forms';

const ctx: PageContext = { i18n: translator('pl'), path: '/', csrfToken: 't', user: null, municipality: null, nav: [], flash: null, requestId: 'r' };
const form = (values: Record<string, string>): FormState => ({ values, errors: {} });
const STAFF = [{ value: 'a1', label: 'Anna Kowalczyk' }, { value: 'b2', label: 'Piotr Nowicki' }];

describe('form fields as HTML validators want them', () => {
  test('a required select starts with an empty option ("— wybierz —") and still shows what was chosen', () => {
    const html = renderToString(<SelectField ctx={ctx} form={form({ coordinator_id: 'b2' })} name="coordinator_id" label="Koordynator" required options={STAFF} />);
    assert.match(html, /<select[^>]* required[^>]*><option value(="")?>— wybierz —<\/option><option value="a1">Anna Kowalczyk<\/option><option value="b2" selected>Piotr Nowicki<\/option>/);
    const own = renderToString(<SelectField ctx={ctx} form={form({})} name="kind" label="Rodzaj" required placeholder="— wybierz rodzaj —" options={STAFF} />);
    assert.match(own, /<select[^>]*><option value(="")?>— wybierz rodzaj —<\/option><option value="a1">/);
    const optional = renderToString(<SelectField ctx={ctx} form={form({})} name="status" label="Status" options={STAFF} />);
    assert.match(optional, /<select[^>]*><option value="a1">/, 'an optional select without a placeholder is left as it was');
  });

  test('a date field keeps the date picker for a calendar day and echoes an impossible one as typed text', () => {
    for (const Field of [InputField, TextField]) {
      const valid = renderToString(<Field ctx={ctx} form={form({ day: '2026-12-15' })} name="day" label="Dzień" type="date" />);
      assert.match(valid, /<input id="f-day" name="day" type="date" value="2026-12-15"/);
      assert.match(renderToString(<Field ctx={ctx} form={form({})} name="day" label="Dzień" type="date" />), /type="date" value(="")?\/?>/);
      for (const typed of ['2020-13-45', '15.12.2026', '2026-02-30']) {
        const refused = renderToString(<Field ctx={ctx} form={form({ day: typed })} name="day" label="Dzień" type="date" />);
        assert.match(refused, new RegExp(`<input id="f-day" name="day" type="text" value="${typed}"`), typed);
      }
    }
  });
});

describe('the error summary', () => {
  test('a label that is a sentence or a question keeps its own punctuation, without a colon after it; a name gets the colon', () => {
    const refused: FormState = { values: {}, errors: { consent: { code: 'required' }, age: { code: 'required' }, phone: { code: 'required' } } };
    const labels = { consent: 'Zgadzam się na przetwarzanie danych z wniosku.', age: 'Ile masz lat?', phone: 'Telefon kontaktowy' };
    const text = renderToString(<ErrorSummary ctx={ctx} form={refused} labels={labels} />).replace(/<[^>]+>/g, '|');
    assert.match(text, /\|Zgadzam się na przetwarzanie danych z wniosku\. To pole jest wymagane\.\|/);
    assert.match(text, /\|Ile masz lat\? To pole jest wymagane\.\|/);
    assert.match(text, /\|Telefon kontaktowy: To pole jest wymagane\.\|/);
    assert.doesNotMatch(text, /[.?]:/);
  });
});
