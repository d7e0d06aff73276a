import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PUBLIC } from '../../platform/auth/access';
import { AppError, type FieldErrors } from '../../platform/http/errors';
import { formValues } from '../../platform/http/forms';
import { text, toFieldErrors } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { AREAS, TARGET_GROUPS, type Area, type TargetGroup } from './domain';
import { MAX_PAGE, searchCatalogue, serviceDetails, type CatalogueFilter } from './public-service';
import { SearchPage } from './views/search';
import { ServicePage } from './views/service';

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
  location: single(64).refine((v) => v === '' || UUID.test(v), { params: { code: 'directory_choice' } }),
  free: flag(),
  open_now: flag(),
  step_free: flag(),
  page: single(8).refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_PAGE), { params: { code: 'directory_page' } }),
});

/** The query string as a filter; invalid fields become field errors (shown on the form, status 422) rather than a failure. */
function readFilter(query: unknown): { filter: CatalogueFilter; errors: FieldErrors } {
  const parsed = filterSchema.safeParse(query ?? {});
  if (!parsed.success) return { filter: { q: '', free: false, openNow: false, stepFree: false, page: 1 }, errors: toFieldErrors(parsed.error) };
  const f = parsed.data;
  return {
    filter: {
      q: f.q,
      area: (f.area || undefined) as Area | undefined,
      group: (f.group || undefined) as TargetGroup | undefined,
      location: f.location.toLowerCase() || undefined,
      free: f.free,
      openNow: f.open_now,
      stepFree: f.step_free,
      page: f.page ? Number(f.page) : 1,
    },
    errors: {},
  };
}

export async function publicRoutes(app: FastifyInstance, { db }: ModuleContext): Promise<void> {
  const open = { config: { access: PUBLIC } };

  app.get<{ Params: M }>('/:municipality/services', open, async (request, reply) => {
    const { filter, errors } = readFilter(request.query);
    const view = await searchCatalogue(db, request.dbContext(), request.tenant!.municipality.id, filter, errors);
    const form = { values: formValues(request.query), errors: view.errors };
    return reply.page((ctx) => <SearchPage ctx={ctx} form={form} filter={filter} view={view} />, view.results ? 200 : 422);
  });

  app.get<{ Params: M & { id: string } }>('/:municipality/services/:id', open, async (request, reply) => {
    if (!UUID.test(request.params.id)) throw new AppError('not_found');
    const details = await serviceDetails(db, request.dbContext(), request.tenant!.municipality.id, request.params.id.toLowerCase());
    return reply.page((ctx) => <ServicePage ctx={ctx} {...details} />);
  });
}
