import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestClient } from '../support/client';
import { checkA11yOfHtml, useBrowser } from '../support/browser';
import { describeInBrowser } from '../support/harness';
import { approvedPlan, fullDraft, inDays, makeCase, planAction, planRow, planUrl, planWorld, postItem, today } from '../modules/care-plans-helpers';

/**
 * Every care-plans page through axe-core in a real browser: a case without a plan, a draft with its
 * editing controls, an item's form (new, with an error, stale), the header form, a plan awaiting
 * approval before an approver, an approved plan with its monitoring forms, the approvers' list, and
 * the resident's list and plan.
 */
describeInBrowser('browser: care-plans pages pass axe-core', (h) => {
  const web = useBrowser(h);

  test('staff and resident pages: zero violations', async () => {
    const w = await planWorld(h, 'Miasto Planów');
    const approved = await approvedPlan(h, w);
    await w.coord.c.post(`${planUrl(w.m, w.caseId, approved)}/notes`, { noted_on: today(), note_body: 'Wizyta domowa, wszystko w porządku.' });
    const draftCase = await makeCase(h, w.m, { coordinator: w.coord.user.id, teamId: w.teamId });
    const draft = await fullDraft(h, w, w.coord, draftCase);
    await postItem(h, w.coord.c, w.m, draftCase, draft, 'goals/new', { description: 'Drugi cel, do przesuwania.' });
    const submittedCase = await makeCase(h, w.m, { coordinator: w.coord.user.id, teamId: w.teamId });
    const submitted = await fullDraft(h, w, w.coord, submittedCase);
    await planAction(h, w.coord.c, w.m, submittedCase, submitted, 'submit');
    const emptyCase = await makeCase(h, w.m, { coordinator: w.coord.user.id, dueOn: inDays(-1) });
    const [goal] = (await h.db.ownerTx((sql) => sql.query<{ id: string }>('SELECT id FROM care_plan_goals WHERE municipality_id = $1 AND plan_id = $2 ORDER BY position', [w.m.id, draft])));

    const context = await web.browser.newContext();
    const page = await context.newPage();
    const pages: [TestClient, string][] = [
      [w.coord.c, planUrl(w.m, emptyCase)],
      [w.coord.c, planUrl(w.m, draftCase)],
      [w.coord.c, `${planUrl(w.m, draftCase, draft)}/edit`],
      [w.coord.c, `${planUrl(w.m, draftCase, draft)}/services/new`],
      [w.coord.c, `${planUrl(w.m, draftCase, draft)}/goals/${goal!.id}/edit`],
      [w.director.c, planUrl(w.m, submittedCase)],
      [w.coord.c, planUrl(w.m, submittedCase)],
      [w.director.c, `/${w.m.slug}/plans/awaiting`],
      [w.coord.c, planUrl(w.m, w.caseId)],
      [w.resident.c, `/${w.m.slug}/my/plans`],
      [w.resident.c, `/${w.m.slug}/my/plans/${approved}`],
    ];
    try {
      for (const [client, path] of pages) {
        const res = await client.get(path);
        assert.equal(res.statusCode, 200, path);
        await checkA11yOfHtml(page, `${web.base}${path}`, res.body, { status: 200 });
      }
      const wrong = await postItem(h, w.coord.c, w.m, draftCase, draft, 'reviews/new', { review_on: inDays(400) });
      assert.equal(wrong.statusCode, 422);
      await checkA11yOfHtml(page, `${web.base}${planUrl(w.m, draftCase, draft)}/reviews/new`, wrong.body, { status: 422 });
      const badService = await postItem(h, w.coord.c, w.m, draftCase, draft, 'services/new', { description: '', frequency: '', provider_kind: 'other' });
      assert.equal(badService.statusCode, 422);
      await checkA11yOfHtml(page, `${web.base}${planUrl(w.m, draftCase, draft)}/services/new`, badService.body, { status: 422 });
      const { version } = await planRow(h, w.m, draft);
      const stale = await w.coord.c.post(`${planUrl(w.m, draftCase, draft)}/goals/${goal!.id}/edit`, { version: String(version - 1), description: 'Stara wersja celu.' });
      assert.equal(stale.statusCode, 409);
      await checkA11yOfHtml(page, `${web.base}${planUrl(w.m, draftCase, draft)}/goals/${goal!.id}/edit`, stale.body, { status: 409 });
      const removal = await w.coord.c.get(`${planUrl(w.m, draftCase, draft)}/goals/${goal!.id}/delete`);
      assert.equal(removal.statusCode, 200);
      await checkA11yOfHtml(page, `${web.base}${planUrl(w.m, draftCase, draft)}/goals/${goal!.id}/delete`, removal.body, { status: 200 });
      const close = await planAction(h, w.coord.c, w.m, w.caseId, approved, 'close', { final_interview_on: '', final_summary: '', confirmed: 'yes' });
      assert.equal(close.statusCode, 422);
      await checkA11yOfHtml(page, `${web.base}${planUrl(w.m, w.caseId, approved)}/close`, close.body, { status: 422 });
    } finally {
      await context.close();
    }
  });
});
