import assert from 'node:assert/strict';
import { totpCode } from '../../src/platform/auth/totp';
import { TestClient } from './client';
import type { TestUser } from './factories';
import type { Harness } from './harness';

/** Logs `user` in on a new client: the password step, the TOTP step when enrolled, then checks /api/me. */
export async function logIn(h: Harness, user: TestUser): Promise<TestClient> {
  const c = new TestClient(h.app);
  const first = await c.post('/login', { email: user.email, password: user.password, next: '/account' });
  assert.equal(first.statusCode, 303, `password step for ${user.email}`);
  if (user.totpSecret) {
    assert.match(first.headers.location ?? '', /^\/login\/mfa/);
    const second = await c.post('/login/mfa', { code: totpCode(user.totpSecret), next: '/account' });
    assert.equal(second.statusCode, 303, `TOTP step for ${user.email}: ${second.body.slice(0, 300)}`);
  }
  assert.equal((await c.get('/api/me')).statusCode, 200, 'logged in');
  return c;
}
