import crypto from 'node:crypto';
import { hashPassword } from '../../src/platform/auth/passwords';
import { users } from '../../src/platform/auth/repository';
import type { Role } from '../../src/platform/auth/roles';
import { SecretBox, newTotpSecret } from '../../src/platform/auth/totp';
import type { Database } from '../../src/platform/db/types';
import { memberships, type MunicipalityRow } from '../../src/platform/tenancy/repository';
import { createMunicipality } from '../../src/platform/tenancy/service';

const VOIVODESHIPS = ['02', '04', '06', '08', '10', '12', '14', '16', '18', '20', '22', '24', '26', '28', '30', '32'];
const two = () => String(1 + crypto.randomInt(99)).padStart(2, '0');

export function randomTeryt(): string {
  return VOIVODESHIPS[crypto.randomInt(VOIVODESHIPS.length)]! + two() + two() + String(1 + crypto.randomInt(3));
}

export const uniq = () => crypto.randomBytes(4).toString('hex');

export async function makeMunicipality(db: Database, name = 'Gmina Testowa'): Promise<MunicipalityRow> {
  const id = uniq();
  return createMunicipality(db, { name: `${name} ${id}`, teryt: randomTeryt(), slug: `gmina-${id}`, cusName: `Centrum Usług Społecznych ${id}` });
}

export const TEST_PASSWORD = 'Korale-Zielony-Kompas-77';
let cachedHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  password: string;
  totpSecret?: string;
}

/** A confirmed account, with roles in a municipality and TOTP enrolled when asked. */
export async function makeUser(
  db: Database,
  opts: { municipality?: MunicipalityRow; roles?: Role[]; totp?: boolean; verified?: boolean; appSecret?: string; email?: string } = {},
): Promise<TestUser> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const email = opts.email ?? `osoba-${uniq()}@example.pl`;
  const passwordHash = await cachedHash;
  const user = await db.tx({ municipalityId: opts.municipality?.id ?? null, userId: null }, async (sql) => {
    const u = await users.insert(sql, { email, displayName: `Osoba ${email.slice(6, 14)}`, passwordHash, locale: 'pl', verified: opts.verified ?? true });
    if (!u) throw new Error('user exists');
    if (opts.municipality && opts.roles?.length) await memberships.grant(sql, opts.municipality.id, u.id, opts.roles);
    return u;
  });
  let totpSecret: string | undefined;
  if (opts.totp) {
    totpSecret = newTotpSecret();
    const box = new SecretBox(opts.appSecret ?? TEST_APP_SECRET);
    await db.tx({ municipalityId: null, userId: null }, (sql) => users.enableTotp(sql, user.id, box.seal(totpSecret!), 0));
  }
  return { id: user.id, email, password: TEST_PASSWORD, totpSecret };
}

export const TEST_APP_SECRET = 'test-secret-test-secret-test-secret-0123456789';
