import type { FastifyInstance } from 'fastify';
import { AUTHENTICATED, PUBLIC } from '../../platform/auth/access';
import type { ModuleContext } from '../../platform/module';
import { memberships, municipalities, units } from '../../platform/tenancy/repository';
import { NO_CONTEXT } from '../../platform/db/types';
import { HomePage } from './views';
import { MunicipalityPage } from './views-municipality';
import { StatementPage } from './views-accessibility';
import { lastUpdatedOn, publishedOn } from './repository';
import { tenantOf, userOf } from '../../platform/http/route-context';

export async function portalRoutes(app: FastifyInstance, { db, config, startCards }: ModuleContext) {
  app.get('/', { config: { access: PUBLIC } }, async (_request, reply) => {
    const list = await db.tx(NO_CONTEXT, (sql) => municipalities.list(sql));
    return reply.page((ctx) => <HomePage ctx={ctx} municipalities={list} />);
  });

  // The accessibility statement: the platform's (a list of the centres') and each centre's, with its contact.
  // Migrations run before the server listens, so the last one's date is read once per process.
  let updated: Promise<Date | null> | undefined;
  const lastUpdate = () => (updated ??= db.ownerTx((sql) => lastUpdatedOn(sql)).catch((e: unknown) => ((updated = undefined), Promise.reject(e))));
  app.get('/deklaracja-dostepnosci', { config: { access: PUBLIC } }, async (_request, reply) => {
    const [list, published] = await db.tx(NO_CONTEXT, async (sql) => [await municipalities.list(sql), await publishedOn(sql, null)] as const);
    const last = await lastUpdate();
    return reply.page((ctx) => (
      <StatementPage ctx={ctx} municipality={null} municipalities={list} units={[]} address={`${config.publicUrl}/`} published={published} updated={last} />
    ));
  });

  app.get<{ Params: { municipality: string } }>('/:municipality/deklaracja-dostepnosci', { config: { access: PUBLIC } }, async (request, reply) => {
    const m = tenantOf(request).municipality;
    const [list, published] = await db.tx(request.dbContext(), async (sql) => [await units.list(sql, m.id), await publishedOn(sql, m.id)] as const);
    const last = await lastUpdate();
    return reply.page((ctx) => (
      <StatementPage ctx={ctx} municipality={m} municipalities={[]} units={list} address={`${config.publicUrl}/${m.slug}`} published={published} updated={last} />
    ));
  });

  // Signed in with a role here: the person's start page (counts only, so no personal data is read and nothing is audited).
  app.get<{ Params: { municipality: string } }>('/:municipality', { config: { access: PUBLIC } }, async (request, reply) => {
    const tenant = tenantOf(request);
    const user = request.user;
    const m = tenant.municipality;
    const page = await db.tx(request.dbContext(), async (sql) => ({
      units: await units.list(sql, m.id),
      cards:
        user && tenant.roles.length > 0
          ? await startCards(sql, { municipalityId: m.id, userId: user.id, email: user.email, roles: tenant.roles, permissions: tenant.permissions })
          : [],
    }));
    return reply.page((ctx) => <MunicipalityPage ctx={ctx} municipality={m} units={page.units} roles={user ? tenant.roles : null} cards={page.cards} />);
  });

  app.post<{ Params: { municipality: string } }>('/:municipality/join', { config: { access: AUTHENTICATED } }, async (request, reply) => {
    const tenant = tenantOf(request);
    await db.tx(request.dbContext(), (sql) => memberships.grant(sql, tenant.municipality.id, userOf(request).id, ['resident']));
    return reply.setFlash(request.i18n.t('municipality.joined')).redirect(`/${tenant.municipality.slug}`, 303);
  });
}
