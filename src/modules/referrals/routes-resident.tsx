import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/module';
import { depsOf, municipalityOf, SIGNED_IN, type Params } from './routes-common';
import { myReferrals } from './service-read';
import { MyReferralsPage } from './views/mine';
import { userOf } from '../../platform/http/route-context';

/** "Moje skierowania": the resident's own referrals (her own data: not audited). */
export async function residentRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  app.get<{ Params: Params }>('/:municipality/my/referrals', SIGNED_IN, async (request, reply) => {
    const list = await myReferrals(depsOf(ctx), request.dbContext(), municipalityOf(request), userOf(request).id);
    return reply.header('cache-control', 'no-store').page((c) => <MyReferralsPage ctx={c} referrals={list} />);
  });
}
