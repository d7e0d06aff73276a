/**
 * Escalation around a case: writing with a read-only glass grant, reading what hangs off a case one
 * may not open, and being author and approver of one plan.
 */
import crypto from 'node:crypto';
import { extraStaff, linksUnder, ownerValue, postForms, submitAs, TINY_PDF } from './escalation-kit';
import { describe, type HtmlForm } from './world-http';
import { changedTables, type World } from './world';

/** The open case the probes read cases' pages for; its coordinator is A's coordinator. */
async function ownedCase(w: World): Promise<{ id: string; path: string }> {
  const id = w.seededA.ids['cases/:id']!;
  const coordinator = w.peopleA.get('coordinator')!.user.id;
  await w.db.ownerTx((sql) => sql.query('UPDATE cases SET coordinator_id = $3 WHERE municipality_id = $1 AND id = $2', [w.a.id, id, coordinator]));
  return { id, path: `/${w.a.slug}/cases/${id}` };
}

/** Every POST form the case's own coordinator is offered on the case's pages (two links deep), each once. */
async function caseForms(w: World, path: string): Promise<HtmlForm[]> {
  const owner = w.peopleA.get('coordinator')!.client;
  const pages = [path];
  const forms = new Map<string, HtmlForm>();
  for (let i = 0; i < pages.length && i < 40; i++) {
    const res = await owner.get(pages[i]!);
    if (res.statusCode !== 200) continue;
    if (i < 12) for (const link of linksUnder(res.body, path)) if (!pages.includes(link)) pages.push(link);
    for (const form of await postForms(owner, pages[i]!)) {
      if (form.action.startsWith(path) || form.action.startsWith(`/${w.a.slug}/documents/`)) forms.set(form.action, form);
    }
  }
  return [...forms.values()];
}

/**
 * Another coordinator breaks the glass (read-only, 8 hours), then submits every form the case's
 * coordinator is offered — taking the case over among them. Nothing may change, and the glass
 * holder's page of the case offers none of those forms.
 */
export async function glassWrites(w: World): Promise<string[]> {
  const failures: string[] = [];
  const { id, path } = await ownedCase(w);
  const intruder = await extraStaff(w, 'coordinator');
  const refused = await intruder.client.get(path);
  if (refused.statusCode !== 403) return [`before the glass, another coordinator's case page answered ${describe(refused)}`];
  const glass = await intruder.client.post(`${path}/glass`, { reason: 'Zastępstwo za koordynatorkę w czasie jej urlopu.' });
  if (glass.statusCode !== 303) return [`breaking the glass: ${describe(glass)}`];
  const forms = await caseForms(w, path);
  if (forms.length < 4) failures.push(`only ${forms.length} forms found on the case's pages: the probe sees too little`);
  const offered = (await postForms(intruder.client, path)).filter((f) => f.action.startsWith(path));
  for (const f of offered) failures.push(`the glass holder's case page offers POST ${f.action}`);
  const before = await w.snapshot({ audit: false });
  for (const form of forms) {
    const res = await submitAs(intruder.client, form, { coordinator_id: intruder.user.id });
    if (res.statusCode < 400) failures.push(`the glass holder's POST ${form.action} answered ${describe(res)}`);
  }
  const changed = changedTables(before, await w.snapshot({ audit: false }));
  if (changed.length) failures.push(`the glass holder changed ${changed.join(', ')}`);
  const coordinator = await ownerValue<string>(w, 'SELECT coordinator_id::text AS v FROM cases WHERE municipality_id = $1 AND id = $2', [w.a.id, id]);
  if (coordinator === intruder.user.id) failures.push('the glass holder took the case over');
  return failures;
}

/**
 * A coordinator outside the case's need-to-know and the administrator ask for the application the
 * case was opened from and its certificate; the case's coordinator (the control) gets both.
 */
export async function attachmentOfForbiddenCase(w: World): Promise<string[]> {
  const failures: string[] = [];
  const { id } = await ownedCase(w);
  const applicationId = await ownerValue<string>(w, 'SELECT opened_from::text AS v FROM cases WHERE municipality_id = $1 AND id = $2', [w.a.id, id]);
  if (!applicationId) return ['the case was opened from no application'];
  const documentId = await ownerValue<string>(
    w,
    `INSERT INTO resident_documents (municipality_id, application_id, filename, media_type, size_bytes, sha256, content, description)
     VALUES ($1, $2, 'zaswiadczenie-lekarskie.pdf', 'application/pdf', $3, $4, $5, 'Zaświadczenie lekarskie') RETURNING id::text AS v`,
    [w.a.id, applicationId, TINY_PDF.length, crypto.createHash('sha256').update(TINY_PDF).digest('hex'), TINY_PDF],
  );
  const urls = [`/${w.a.slug}/applications/${applicationId}`, `/${w.a.slug}/documents/${documentId}`];
  const owner = w.peopleA.get('coordinator')!.client;
  for (const url of urls) {
    const res = await owner.get(url);
    if (res.statusCode !== 200) failures.push(`the case's coordinator could not GET ${url}: ${describe(res)} (the control)`);
  }
  const outsiders = [{ who: 'another coordinator', client: (await extraStaff(w, 'coordinator')).client }, { who: 'the administrator', client: w.peopleA.get('administrator')!.client }];
  for (const { who, client } of outsiders) {
    for (const url of urls) {
      const res = await client.get(url);
      if (res.statusCode < 400) failures.push(`${who} read ${url} of a case outside their need-to-know: ${describe(res)}`);
    }
  }
  return failures;
}

/**
 * The team's supervisor, on a plan the coordinator submitted: return it, write into it, submit it,
 * approve it. Whoever changed a plan's content may not approve it.
 */
export async function authorAndApprover(w: World): Promise<string[]> {
  const caseId = w.seededA.ids['cases/:caseId']!;
  const planId = w.seededA.ids['cases/:caseId/plan/:planId']!;
  const coordinator = w.peopleA.get('coordinator')!;
  const supervisor = w.peopleA.get('director')!;
  await w.db.ownerTx(async (sql) => {
    const [team] = await sql.query<{ id: string }>("INSERT INTO care_teams (municipality_id, name, supervisor_id) VALUES ($1, 'Zespół sondy', $2) RETURNING id", [w.a.id, supervisor.user.id]);
    await sql.query('UPDATE cases SET coordinator_id = $3, team_id = $4 WHERE municipality_id = $1 AND id = $2', [w.a.id, caseId, coordinator.user.id, team!.id]);
  });
  const plan = `/${w.a.slug}/cases/${caseId}/plan/${planId}`;
  const step = async (who: typeof coordinator, page: string, action: RegExp, over: Record<string, string> = {}) => {
    const form = (await postForms(who.client, page)).find((f) => action.test(f.action));
    if (!form) return `no form ${action} on ${page} for ${who.role}`;
    const res = await submitAs(who.client, form, over);
    return `${form.action.split('/').pop()} ${describe(res)}`;
  };
  const trail = [await step(coordinator, plan, /\/submit$/)];
  trail.push(await step(supervisor, plan, /\/return$/));
  trail.push(await step(supervisor, `${plan}/edit`, /\/edit$/, { situation: 'Sytuację opisał przełożony, nie koordynatorka.' }));
  trail.push(await step(supervisor, plan, /\/submit$/));
  trail.push(await step(supervisor, plan, /\/approve$/));
  const approvedBy = await ownerValue<string>(w, "SELECT approved_by::text AS v FROM care_plans WHERE municipality_id = $1 AND id = $2 AND status = 'approved'", [w.a.id, planId]);
  return approvedBy === supervisor.user.id ? [`the supervisor wrote and approved one plan: ${trail.join('; ')}`] : [];
}

/**
 * The resident withdraws her consent to share with an organisation; her coordinator then sends a
 * referral there with one tick ("consent recorded"). Without a statement of a new consent given in
 * person it is refused; with one it goes, flagged for the auditor.
 */
export async function consentAfterWithdrawal(w: World): Promise<string[]> {
  const resident = w.peopleA.get('ngo_member')!;
  const coordinator = w.peopleA.get('coordinator')!;
  const setup = await w.db.ownerTx(async (sql) => {
    const [c] = await sql.query<{ id: string; application: string }>(
      "SELECT id, opened_from AS application FROM cases WHERE municipality_id = $1 AND resident_user_id = $2 AND status = 'open' ORDER BY number LIMIT 1",
      [w.a.id, resident.user.id],
    );
    if (!c) return undefined;
    // An organisation she has no other live consent for: the referral can rest only on the one she withdraws.
    const [org] = await sql.query<{ id: string; name: string }>(
      `SELECT o.id, o.name FROM organisations o WHERE o.municipality_id = $1 AND o.status = 'verified'
         AND NOT EXISTS (SELECT 1 FROM application_consents ac JOIN applications a ON a.municipality_id = ac.municipality_id AND a.id = ac.application_id
                          WHERE ac.municipality_id = $1 AND a.case_id = $2 AND ac.recipient_organisation_id = o.id AND ac.withdrawn_at IS NULL)
       ORDER BY o.name LIMIT 1`,
      [w.a.id, c.id],
    );
    if (!org) return undefined;
    await sql.query('UPDATE cases SET coordinator_id = $3 WHERE municipality_id = $1 AND id = $2', [w.a.id, c.id, coordinator.user.id]);
    const [consent] = await sql.query<{ id: string }>(
      `INSERT INTO application_consents (municipality_id, application_id, purpose, recipient, recipient_organisation_id)
       VALUES ($1, $2, 'provider_sharing', $3, $4) RETURNING id`,
      [w.a.id, c.application, org.name, org.id],
    );
    return { caseId: c.id, orgId: org.id, consentId: consent!.id };
  });
  if (!setup) return ["no open case of the resident's own, or no verified organisation"];
  const withdrawal = (await postForms(resident.client, `/${w.a.slug}/my/consents/${setup.consentId}/withdraw`)).find((f) => f.action.endsWith('/withdraw'));
  if (!withdrawal) return ['the resident is offered no withdrawal of her consent'];
  await submitAs(resident.client, withdrawal);
  if (!(await ownerValue<Date>(w, 'SELECT withdrawn_at AS v FROM application_consents WHERE municipality_id = $1 AND id = $2', [w.a.id, setup.consentId]))) {
    return ['the withdrawal did not take'];
  }
  const url = `/${w.a.slug}/cases/${setup.caseId}/referrals/new`;
  const form = (await postForms(coordinator.client, url)).find((f) => f.action === url);
  if (!form) return ['no referral form for the case'];
  const sentThere = () =>
    ownerValue<number>(w, 'SELECT count(*)::int AS v FROM referrals WHERE municipality_id = $1 AND case_id = $2 AND organisation_id = $3', [w.a.id, setup.caseId, setup.orgId]);
  const before = await sentThere();
  const fields = { provider: `organisation:${setup.orgId}`, record_consent: '1', respond_by: '2099-01-31', override_basis: '', override_reason: '' };
  const tick = await submitAs(coordinator.client, form, { ...fields, consent_statement: '', consent_given_on: '', consent_manner: '' });
  const failures: string[] = [];
  if (tick.statusCode < 400 || (await sentThere()) !== before) failures.push(`one tick re-recorded a withdrawn consent: ${describe(tick)}`);
  else if (!tick.body.includes("f-consent_statement-error")) failures.push(`the tick was refused, but not for want of a statement: ${describe(tick)}`);
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());
  const stated = await submitAs(coordinator.client, form, {
    ...fields,
    consent_statement: 'Pani ponownie zgodziła się w ośrodku na przekazanie danych, po wyjaśnieniu zakresu.',
    consent_given_on: today,
    consent_manner: 'at_centre',
  });
  const flagged = await ownerValue<boolean>(
    w,
    "SELECT (details->>'flagged')::boolean AS v FROM audit_log WHERE municipality_id = $1 AND action = 'referral.consent_recorded' AND actor_user_id = $2 ORDER BY id DESC LIMIT 1",
    [w.a.id, coordinator.user.id],
  );
  if (stated.statusCode !== 303) failures.push(`a stated new consent was not accepted: ${describe(stated)} (the control)`);
  else if (flagged !== true) failures.push('a consent re-recorded after withdrawal is not flagged to the auditor');
  return failures;
}
