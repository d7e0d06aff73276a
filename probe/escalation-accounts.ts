/**
 * Escalation through accounts: one's own roles, a second factor replaced without the old one, a
 * session from before enrolment, a forged client address.
 */
import { ROLES } from '../src/platform/auth/roles';
import { totpCode } from '../src/platform/auth/totp';
import { TestClient } from '../test/support/client';
import { makeUser } from '../test/support/factories';
import { ownerValue, postFormsOf, submitAs } from './escalation-kit';
import { describe, send } from './world-http';
import type { World } from './world';

/** The address of the reverse proxy the probe's app trusts (TRUST_PROXY); no client has it. */
export const PROXY = '10.255.255.254';

const rolesOf = (w: World, userId: string) =>
  ownerValue<string[]>(w, 'SELECT roles AS v FROM memberships WHERE municipality_id = $1 AND user_id = $2', [w.a.id, userId]).then((r) => [...(r ?? [])].sort().join(','));

/** Every person of A asks for every role for themselves, by the form and as JSON. */
export async function ownRoles(w: World): Promise<string[]> {
  const failures: string[] = [];
  for (const [role, p] of w.peopleA) {
    const before = await rolesOf(w, p.user.id);
    const version = await ownerValue<number>(w, 'SELECT version AS v FROM memberships WHERE municipality_id = $1 AND user_id = $2', [w.a.id, p.user.id]);
    const url = `/${w.a.slug}/staff/${p.user.id}`;
    const pairs: [string, string][] = [...ROLES.map((r): [string, string] => ['roles', r]), ['version', String(version)]];
    const form = await send(p.client, 'POST', url, { kind: 'form', pairs });
    const json = await send(p.client, 'POST', url, { kind: 'json', value: { roles: [...ROLES], version } }, { accept: 'application/json' });
    const after = await rolesOf(w, p.user.id);
    if (after !== before) {
      failures.push(`${role} changed their own roles (${before} → ${after}; form ${describe(form)}, JSON ${describe(json)})`);
      await w.db.ownerTx((sql) => sql.query('UPDATE memberships SET roles = $3 WHERE municipality_id = $1 AND user_id = $2', [w.a.id, p.user.id, before.split(',')]));
    }
  }
  return failures;
}

const secretOf = (w: World, userId: string) => ownerValue<string | null>(w, 'SELECT totp_secret_enc AS v FROM users WHERE id = $1', [userId]);
/** Base32 secrets a page shows for typing into an authenticator (in groups of four, or whole in an otpauth link). */
const shownSecrets = (html: string) => [
  ...new Set([
    ...[...html.matchAll(/<code\b[^>]*>([A-Z2-7 ]{16,})<\/code>/g)].map((m) => m[1]!.replace(/ /g, '')),
    ...[...html.matchAll(/secret=([A-Z2-7]{16,})/g)].map((m) => m[1]!),
  ]),
];

const FACTOR_FORM = /\/account\/(mfa|totp|factor|recovery)/;

/**
 * A staff member's session, with the password known, replaces the second factor without a current
 * code: every second-factor form of the account pages, with codes of whatever new secret they show.
 */
export async function secondFactorReplaced(w: World): Promise<string[]> {
  const { user, client } = w.peopleA.get('director')!;
  const before = await secretOf(w, user.id);
  const tried: string[] = [];
  for (let round = 0; round < 2; round++) {
    // A wrong code posted straight to the enrolment address: a page that answers with a fresh secret is used next.
    const blind = await client.post('/account/mfa', { code: '000000', password: user.password, current_password: user.password });
    tried.push(`/account/mfa ${describe(blind)}`);
    const fresh = shownSecrets(blind.body);
    for (const form of fresh.length ? postFormsOf(blind.body, '/account/mfa').filter((f) => FACTOR_FORM.test(f.action)) : []) {
      const sent = await submitAs(client, form, { code: totpCode(fresh[0]!) });
      tried.push(`${form.action} ${describe(sent)}`);
    }
    for (const page of ['/account/mfa', '/account']) {
      const res = await client.get(page);
      const secrets = shownSecrets(res.body);
      for (const form of postFormsOf(res.body, page)) {
        if (!FACTOR_FORM.test(form.action)) continue;
        for (const code of [...secrets.map((s) => totpCode(s)), '000000']) {
          // The attacker knows the password too; only the current code is beyond reach.
          const typed = Object.fromEntries(form.fields.flatMap((f) => (/code/.test(f.name) ? [[f.name, code]] : /password/.test(f.name) ? [[f.name, user.password]] : [])));
          const sent = await submitAs(client, form, typed);
          tried.push(`${form.action} ${describe(sent)}`);
          // A refused code re-renders the page: a fresh secret shown there is tried next.
          for (const s of shownSecrets(sent.body)) if (!secrets.includes(s)) secrets.push(s);
        }
      }
    }
  }
  const after = await secretOf(w, user.id);
  return after === before ? [] : [`the second factor was replaced without a current code (${tried.slice(-4).join('; ')})`];
}

/** A session opened before the account enrolled a second factor elsewhere must still ask for a code. */
export async function sessionFromBeforeEnrolment(w: World): Promise<string[]> {
  const user = await makeUser(w.db, { municipality: w.a, roles: ['director'] });
  const early = new TestClient(w.app);
  const other = new TestClient(w.app);
  for (const c of [early, other]) {
    const res = await c.post('/login', { email: user.email, password: user.password, next: '/account' });
    if (res.statusCode !== 303) return [`log-in before enrolment: ${describe(res)}`];
  }
  const page = await other.get('/account/mfa');
  const [secret] = shownSecrets(page.body);
  const form = postFormsOf(page.body, '/account/mfa').find((f) => f.fields.some((x) => /code/.test(x.name)));
  if (!secret || !form) return [`no enrolment form with a secret on /account/mfa (${page.statusCode})`];
  const enrolled = await submitAs(other, form, { code: totpCode(secret), password: user.password });
  if (!(await ownerValue<Date>(w, 'SELECT totp_enabled_at AS v FROM users WHERE id = $1', [user.id]))) return [`enrolment did not take: ${describe(enrolled)}`];
  const res = await early.get(`/${w.a.slug}/cases`);
  return res.statusCode === 200 ? ['a session opened before enrolment opened a personal-data page without a code'] : [];
}

const lastLoginFailureIp = (w: World, email: string) =>
  ownerValue<string>(w, "SELECT ip AS v FROM platform_audit_log WHERE action = 'auth.login_failed' AND actor_label = $1 ORDER BY id DESC LIMIT 1", [email]);

/**
 * Behind a trusted proxy (TRUST_PROXY = its address): a client that is not the proxy forges
 * X-Forwarded-For; the audit names its real address and the per-address limits still hold. The
 * proxy's own header is believed (the control).
 */
export async function forgedForwardedFor(w: World): Promise<string[]> {
  const failures: string[] = [];
  const email = `nieznany-${Date.now()}@example.pl`;
  const direct = await w.anonymous();
  const attempt = (c: TestClient, forged: string, remoteAddress?: string) =>
    send(c, 'POST', '/login', { kind: 'form', pairs: [['email', email], ['password', 'zle-haslo-zle-haslo']] }, { 'x-forwarded-for': forged }, remoteAddress);
  await attempt(direct, '198.51.100.23');
  const seen = await lastLoginFailureIp(w, email);
  if (seen !== direct.remoteAddress) failures.push(`a forged X-Forwarded-For reached the audit: ${seen} instead of ${direct.remoteAddress}`);
  const proxied = await w.anonymous();
  await attempt(proxied, '198.51.100.24', PROXY);
  const viaProxy = await lastLoginFailureIp(w, email);
  if (viaProxy !== '198.51.100.24') failures.push(`the trusted proxy's X-Forwarded-For was not believed (audit: ${viaProxy})`);
  let limited = false;
  for (let i = 0; i < 15 && !limited; i++) limited = (await attempt(direct, `203.0.113.${i + 1}`)).statusCode === 429;
  if (!limited) failures.push('15 failed log-ins from one address with rotating X-Forwarded-For were never limited');
  return failures;
}
