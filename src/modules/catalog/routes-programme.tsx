import type { FastifyInstance } from 'fastify';
import { PUBLIC } from '../../platform/auth/access';
import type { ModuleContext } from '../../platform/module';
import { programmePdf } from './programme-pdf';
import { publicProgramme, publicProgrammes } from './programme-public';
import { ProgrammePage } from './views/programme';
import { ProgrammeListPage } from './views/programme-list';
import { tenantOf } from '../../platform/http/route-context';

type M = { municipality: string };
/** Rendering a PDF takes a noticeable slice of CPU: per address, at most this many a minute. */
export const PDF_RATE = { max: 20, timeWindow: 60_000 };

/** The public programme of social services: the list, a programme's page and the same programme as a PDF. */
export async function programmeRoutes(app: FastifyInstance, { db, config }: ModuleContext): Promise<void> {
  const open = { config: { access: PUBLIC } };

  app.get<{ Params: M }>('/:municipality/programme', open, async (request, reply) => {
    const list = await publicProgrammes(db, request.dbContext(), tenantOf(request).municipality.id);
    return reply.page((ctx) => <ProgrammeListPage ctx={ctx} programmes={list} />);
  });

  app.get<{ Params: M & { id: string } }>('/:municipality/programme/:id', open, async (request, reply) => {
    const details = await publicProgramme(db, request.dbContext(), tenantOf(request).municipality.id, request.params.id);
    return reply.page((ctx) => <ProgrammePage ctx={ctx} {...details} />);
  });

  app.get<{ Params: M & { id: string } }>('/:municipality/programme/:id.pdf', { config: { access: PUBLIC, rateLimit: PDF_RATE } }, async (request, reply) => {
    const m = tenantOf(request).municipality;
    const details = await publicProgramme(db, request.dbContext(), m.id, request.params.id);
    const started = performance.now();
    const pdf = await programmePdf({
      ...details,
      i18n: request.i18n,
      municipality: { name: m.name, cusName: m.cus_name },
      serviceUrl: (id) => `${config.publicUrl}/${m.slug}/services/${id}`,
      now: new Date(),
    });
    request.log.info({ programme: details.programme.id, bytes: pdf.length, ms: Math.round(performance.now() - started) }, 'programme pdf rendered');
    const { period_from: from, period_to: to } = details.programme;
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="program-uslug-spolecznych-${m.slug}-${from.slice(0, 4)}-${to.slice(0, 4)}.pdf"`)
      .header('cache-control', 'no-cache')
      .send(pdf);
  });
}
