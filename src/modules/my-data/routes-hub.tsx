import type { FastifyInstance } from 'fastify';
import { EXPORT_RATE } from '../../platform/export/rate';
import type { ModuleContext } from '../../platform/module';
import { myDataPdf } from './export-pdf';
import { pageQuery } from './form';
import { depsOf, municipalityOf, MEMBER, type Params } from './routes-common';
import { downloadMyData, myDataJson } from './service-export';
import { hubPage, whoReadMyData } from './service-hub';
import { HubPage } from './views/hub';
import { WhoReadPage } from './views/reads';
import { userOf } from '../../platform/http/route-context';

/** Downloading all one's data: a member's page, at most EXPORT_RATE of each format per person. */
const EXPORT = { ...MEMBER, config: { ...MEMBER.config, rateLimit: EXPORT_RATE } };

/** The hub "Moje sprawy w CUS", "Kto czytał moje dane", and downloading all one's data (JSON, PDF). */
export async function hubRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  app.get<{ Params: Params }>('/:municipality/my', MEMBER, async (request, reply) => {
    const data = await hubPage(deps, request.dbContext(), municipalityOf(request).id, userOf(request).id);
    return reply.page((c) => <HubPage ctx={c} hub={data} />);
  });

  app.get<{ Params: Params }>('/:municipality/my/reads', MEMBER, async (request, reply) => {
    const { page } = pageQuery.parse(request.query ?? {});
    const data = await whoReadMyData(deps, request.dbContext(), municipalityOf(request).id, userOf(request).id, page);
    return reply.page((c) => <WhoReadPage ctx={c} data={data} />);
  });

  const filename = (slug: string, ext: string) => `moje-dane-${slug}-${new Date().toISOString().slice(0, 10)}.${ext}`;

  app.get<{ Params: Params }>('/:municipality/my/data.json', EXPORT, async (request, reply) => {
    const municipality = municipalityOf(request);
    const data = await downloadMyData(deps, request.dbContext(), municipality, request.auditActor(), 'json');
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename(municipality.slug, 'json')}"`)
      .header('cache-control', 'no-store')
      .send(JSON.stringify(myDataJson(data, municipality, new Date()), null, 2));
  });

  app.get<{ Params: Params }>('/:municipality/my/data.pdf', EXPORT, async (request, reply) => {
    const municipality = municipalityOf(request);
    const data = await downloadMyData(deps, request.dbContext(), municipality, request.auditActor(), 'pdf');
    const pdf = await myDataPdf(data, municipality, request.i18n, new Date());
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${filename(municipality.slug, 'pdf')}"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });
}
