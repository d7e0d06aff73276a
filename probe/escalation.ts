/**
 * Escalation: an attacker who already holds a session tries to widen their own reach — their own
 * roles, a second factor replaced without the old one, a session from before enrolment, a forged
 * client address, writes with a read-only glass grant, what hangs off a case they may not open,
 * being author and approver of one plan, closing a case while adding to it, re-recording a
 * consent the resident withdrew. Each attack names what got through; all must be refused.
 */
import { performance } from 'node:perf_hooks';
import { forgedForwardedFor, ownRoles, PROXY, secondFactorReplaced, sessionFromBeforeEnrolment } from './escalation-accounts';
import { attachmentOfForbiddenCase, authorAndApprover, consentAfterWithdrawal, glassWrites } from './escalation-cases';
import { closeWhileAdding } from './escalation-races';
import { openWorld, type World } from './world';
import type { Probe } from './types';

type Attack = (w: World) => Promise<string[]>;

/** In an order where an attack that gets through cannot hide a later one (roles last: an administrator made director reads every case). */
const ATTACKS: Record<string, Attack> = {
  'forged X-Forwarded-For': forgedForwardedFor,
  'session from before enrolment': sessionFromBeforeEnrolment,
  'author and approver of one plan': authorAndApprover,
  'closing a case while adding to it': closeWhileAdding,
  'a withdrawn consent re-recorded by a tick': consentAfterWithdrawal,
  'attachment of a case one may not open': attachmentOfForbiddenCase,
  'writes with a glass grant': glassWrites,
  'second factor replaced without the old one': secondFactorReplaced,
  'own roles': ownRoles,
};

export const escalationProbe: Probe = async (opts) => {
  const started = performance.now();
  const w = await openWorld(opts, { TRUST_PROXY: PROXY });
  const failures: string[] = [];
  let attacks = 0;
  try {
    for (const [name, attack] of Object.entries(ATTACKS)) {
      attacks++;
      try {
        for (const f of await attack(w)) failures.push(`${name}: ${f}`);
      } catch (err) {
        failures.push(`${name}: the attack could not run: ${(err as Error).message}`);
      }
      opts.log(`${name}: done`);
    }
    for (const e of w.serverErrors) failures.push(`server error: ${e}`);
  } finally {
    await w.close();
  }
  return {
    name: 'escalation',
    ok: failures.length === 0,
    figures: { attacks, roles: w.peopleA.size, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) },
    failures,
  };
};
