/**
 * Races around a case: closing it while referrals and a plan are being added. A closed case may
 * hold no open referral and no plan in progress, however the requests interleave.
 */
import { ownerValue, postForms, submitAs } from './escalation-kit';
import type { HtmlForm } from './world-http';
import type { World } from './world';

const ROUNDS = 3;
const REFERRALS = 5;

/** A new open case of A's coordinator, opened from an accepted application of a fictional person. */
async function freshCase(w: World, round: number): Promise<string> {
  const coordinator = w.peopleA.get('coordinator')!.user.id;
  const id = await w.db.ownerTx(async (sql) => {
    const [service] = await sql.query<{ id: string }>("SELECT id FROM services WHERE municipality_id = $1 AND status = 'active' ORDER BY name LIMIT 1", [w.a.id]);
    const [application] = await sql.query<{ id: string }>(
      `INSERT INTO applications (municipality_id, service_id, applicant_name, beneficiary_name, beneficiary_birth_year, relation, contact_phone, need, channel, status, decided_at)
       VALUES ($1, $2, 'Teresa Kądziołka', 'Teresa Kądziołka', 1950, 'self', '46 855 20 20', 'Pomoc w domu po pobycie w szpitalu.', 'phone', 'accepted', now()) RETURNING id`,
      [w.a.id, service!.id],
    );
    const [c] = await sql.query<{ id: string }>(
      `INSERT INTO cases (municipality_id, number, opened_from, person_name, birth_year, contact_phone, coordinator_id)
       VALUES ($1, $2, $3, 'Teresa Kądziołka', 1950, '46 855 20 20', $4) RETURNING id`,
      [w.a.id, `CUS/WYSCIG/${Date.now() % 1_000_000}${round}`, application!.id, coordinator],
    );
    await sql.query('UPDATE applications SET case_id = $3 WHERE municipality_id = $1 AND id = $2', [w.a.id, application!.id, c!.id]);
    return c!.id;
  });
  return id;
}

const find = (forms: HtmlForm[], action: RegExp, what: string): HtmlForm => {
  const form = forms.find((f) => action.test(f.action));
  if (!form) throw new Error(`no ${what} form`);
  return form;
};

/**
 * One close, five referrals and a plan sent at the same moment, a few times over. On PostgreSQL the
 * requests run in parallel transactions; PGlite runs them one after another.
 */
export async function closeWhileAdding(w: World): Promise<string[]> {
  const failures: string[] = [];
  const { client } = w.peopleA.get('coordinator')!;
  for (let round = 0; round < ROUNDS; round++) {
    const caseId = await freshCase(w, round);
    const path = `/${w.a.slug}/cases/${caseId}`;
    const close = find(await postForms(client, `${path}/close`), /\/close$/, 'closing'); // the confirmation page's form
    const referral = find(await postForms(client, `${path}/referrals/new`), /\/referrals\/new$/, 'referral');
    const plan = find(await postForms(client, `${path}/plan`), /\/plan$/, 'plan');
    const provider = referral.fields.find((f) => f.name === 'provider')?.options.find((o) => o.startsWith('unit:'));
    if (!provider) return ['no unit to refer to'];
    const referralFields = { provider, override_basis: 'vital_interest', respond_by: '2099-01-31' };
    await Promise.all([
      submitAs(client, close),
      ...Array.from({ length: REFERRALS }, () => submitAs(client, referral, referralFields)),
      submitAs(client, plan),
    ]);
    const status = await ownerValue<string>(w, 'SELECT status AS v FROM cases WHERE municipality_id = $1 AND id = $2', [w.a.id, caseId]);
    if (status !== 'closed') continue;
    const open = await ownerValue<number>(
      w,
      `SELECT ((SELECT count(*) FROM referrals WHERE municipality_id = $1 AND case_id = $2 AND status IN ('sent', 'accepted', 'in_progress'))
             + (SELECT count(*) FROM care_plans WHERE municipality_id = $1 AND case_id = $2 AND status IN ('draft', 'submitted')))::int AS v`,
      [w.a.id, caseId],
    );
    if (open) failures.push(`round ${round + 1}: the case closed with ${open} open referrals or plans in progress`);
  }
  return failures;
}
