import type { FastifyInstance } from 'fastify';
import { audit } from '../src/platform/audit/audit';
import { AUTHENTICATED } from '../src/platform/auth/access';
import type { Database } from '../src/platform/db/types';
import type { AppModule, ModuleContext } from '../src/platform/module';
import type { ApiClientResult, ApiSpec } from './api-client';
import { benchTotpSecret, CASEWORK, coordinatorEmail, type CaseworkSize } from './centre';
import { GENERATED_PASSWORD } from './people';
import { runClient, scenarioOf, type ScenarioResult } from './scenarios';

export const GENERIC_ACTION = 'bench.profile_read';

/**
 * The least an authenticated page does: the session (in the request context), one query in a
 * transaction with the caller's RLS context, one audit entry of the read. Only the benchmark's app has it.
 */
export const genericPageModule: AppModule = {
  name: 'bench-generic',
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    app.get<{ Params: { municipality: string } }>('/api/:municipality/bench/profile', { config: { access: AUTHENTICATED } }, async (request) => {
      const municipalityId = request.tenant!.municipality.id;
      const user = request.user!;
      return ctx.db.tx(request.dbContext(), async (sql) => {
        const [row] = await sql.query<{ display_name: string; email: string }>('SELECT display_name, email FROM users WHERE id = $1', [user.id]);
        await audit(sql, municipalityId, request.auditActor(), { action: GENERIC_ACTION, subjectType: 'user', subjectId: user.id });
        return { email: row!.email, name: row!.display_name };
      });
    });
  },
};

/**
 * The generic authenticated page under load: every coordinator logs in (password and TOTP), then
 * `connections` clients ask for their own profile again and again. Checked afterwards: each 2xx answer
 * named the caller, and left exactly one audit entry.
 */
export async function runGenericPage(db: Database, size: CaseworkSize, load: { url: string; municipalityId: string; slug: string; connections: number; duration: number }): Promise<{ scenario: ScenarioResult; failures: string[] }> {
  const count = async () => (await db.ownerTx((sql) => sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE municipality_id = $1 AND action = $2', [load.municipalityId, GENERIC_ACTION])))[0]!.n;
  const before = await count();
  const emails = Array.from({ length: CASEWORK[size].coordinators }, (_, k) => coordinatorEmail(load.slug, k));
  const spec: ApiSpec = {
    url: load.url, slug: load.slug, mode: 'profile', accounts: emails.map((email) => ({ email, totpSecret: benchTotpSecret(email) })), password: GENERATED_PASSWORD,
    connections: load.connections, duration: load.duration, pages: 1,
  };
  const { out, rss } = await runClient<ApiClientResult>('generic', spec, 'bench/api-client.ts');
  const added = (await count()) - before;
  const failures: string[] = [];
  const ok = out.requests - out.non2xx;
  // Answers after the window closed wrote their entry too; connection errors may or may not have.
  if (out.errors === 0 && (added < ok || added > ok + out.unfinished)) failures.push(`${added} audit entries for ${ok} answered reads (+ ${out.unfinished} late)`);
  if (out.malformed) failures.push(`${out.malformed} answers not naming the caller`);
  if (out.requests === 0) failures.push('no request answered in the window');
  return {
    scenario: scenarioOf('generic', `a generic authenticated page (GET /api/:m/bench/profile: session, one query, one audit entry), ${emails.length} coordinators logged in with TOTP`, out, rss),
    failures,
  };
}
