import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PUBLIC } from '../../platform/auth/access';
import type { FieldErrors } from '../../platform/http/errors';
import { formValues } from '../../platform/http/forms';
import { idParam } from '../../platform/http/params';
import { text, toFieldErrors } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { AREAS, TARGET_GROUPS, type Area, type TargetGroup } from './domain';
import type { PageContext } from '../../platform/ui/context';
import { MAX_PAGE, minuteOf, searchCatalogueCached, serviceDetails, type CatalogueFilter } from './public-service';
import type { SearchCaches } from './search-cache';
import { SearchPage } from './views/search';
import { ServicePage } from './views/service';
import { tenantOf } from '../../platform/http/route-context';

type M = { municipality: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A parameter given more than once (?area=a&area=b) is read as one value, which then fails its check. */
const single = (max: number) => z.preprocess((v) => (Array.isArray(v) ? v.join(',') : v), text(max));
/** '' or one of the listed values. */
const choice = (values: readonly string[]) => single(64).refine((v) => v === '' || values.includes(v), { params: { code: 'directory_choice' } });
/** A checkbox: absent (or '') is off; '1', 'on' or 'true' is on. */
const flag = () =>
  single(8)
    .refine((v) => ['', '1', 'on', 'true'].includes(v), { params: { code: 'invalid' } })
    .transform((v) => v !== '');

const filterSchema = z.object({
  q: single(200),
  area: choice(AREAS),
  group: choice(TARGET_GROUPS),
  place: single(100),
  location: single(64).refine((v) => v === '' || UUID.test(v), { params: { code: 'directory_choice' } }),
  free: flag(),
  open_now: flag(),
  step_free: flag(),
  exact: flag(),
  page: single(8).refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_PAGE), { params: { code: 'directory_page' } }),
});

/** The query string as a filter; invalid fields become field errors (shown on the form, status 422) rather than a failure. */
function readFilter(query: unknown): { filter: CatalogueFilter; errors: FieldErrors } {
  const parsed = filterSchema.safeParse(query ?? {});
  if (!parsed.success) return { filter: { q: '', place: '', free: false, openNow: false, stepFree: false, page: 1, exact: false }, errors: toFieldErrors(parsed.error) };
  const f = parsed.data;
  return {
    filter: {
      q: f.q,
      area: (f.area || undefined) as Area | undefined,
      group: (f.group || undefined) as TargetGroup | undefined,
      location: f.location.toLowerCase() || undefined,
      place: f.place,
      free: f.free,
      openNow: f.open_now,
      stepFree: f.step_free,
      page: f.page ? Number(f.page) : 1,
      exact: f.exact,
    },
    errors: {},
  };
}

export async function publicRoutes(app: FastifyInstance, { db }: ModuleContext, caches: SearchCaches): Promise<void> {
  const { searches, pages } = caches;
  const open = { config: { access: PUBLIC } };

  app.get<{ Params: M }>('/:municipality/services', open, async (request, reply) => {
    const { filter, errors } = readFilter(request.query);
    const municipalityId = tenantOf(request).municipality.id;
    const now = new Date();
    const answer = async () => {
      const view = await searchCatalogueCached(searches, db, request.dbContext(), municipalityId, filter, errors, now);
      const form = { values: formValues(request.query), errors: view.errors };
      return { view, render: (ctx: PageContext) => <SearchPage ctx={ctx} form={form} filter={filter} view={view} /> };
    };
    // Anonymous visitors asking the same (valid) question in the same minute share one rendered page.
    if (reply.shareable() && Object.keys(errors).length === 0) {
      const page = await pages.through(municipalityId, `${request.i18n.locale}\u0000${minuteOf(now)}\u0000${request.url}`, async () => {
        const { view, render } = await answer();
        return { html: reply.renderShared(render), status: view.results ? 200 : 422 };
      });
      return reply.sendShared(page.html, page.status);
    }
    const { view, render } = await answer();
    return reply.page(render, view.results ? 200 : 422);
  });

  app.get<{ Params: M & { id: string } }>('/:municipality/services/:id', open, async (request, reply) => {
    const details = await serviceDetails(db, request.dbContext(), tenantOf(request).municipality.id, idParam(request));
    return reply.page((ctx) => <ServicePage ctx={ctx} {...details} />);
  });
}
