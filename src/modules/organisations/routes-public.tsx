import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FieldErrors } from '../../platform/http/errors';
import { idParam } from '../../platform/http/params';
import { formValues } from '../../platform/http/forms';
import { text, toFieldErrors } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { KINDS, SPHERE_CODES, type Kind, type Sphere } from './domain';
import { depsOf, municipalityOf, OPEN, type IdParams, type Params } from './routes-common';
import { MAX_PAGE, publicProfile, searchDirectory, type DirectoryFilter } from './service-directory';
import { DirectoryPage } from './views/directory';
import { ProfilePage } from './views/profile';


/** A parameter given more than once (?kind=a&kind=b) is read as one value, which then fails its check. */
const single = (max: number) => z.preprocess((v) => (Array.isArray(v) ? v.join(',') : v), text(max));
const choice = (values: readonly string[]) => single(64).refine((v) => v === '' || values.includes(v), { params: { code: 'directory_choice' } });

const filterSchema = z.object({
  q: single(200),
  sphere: choice(SPHERE_CODES),
  kind: choice(KINDS),
  page: single(8).refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_PAGE), { params: { code: 'directory_page' } }),
});

/** The query string as a filter; invalid parameters become field errors shown on the form (status 422). */
function readFilter(query: unknown): { filter: DirectoryFilter; errors: FieldErrors } {
  const parsed = filterSchema.safeParse(query ?? {});
  if (!parsed.success) return { filter: { q: '', page: 1 }, errors: toFieldErrors(parsed.error) };
  const f = parsed.data;
  return { filter: { q: f.q, sphere: (f.sphere || undefined) as Sphere | undefined, kind: (f.kind || undefined) as Kind | undefined, page: f.page ? Number(f.page) : 1 }, errors: {} };
}

/** The public directory of verified organisations and their profiles: no login, bookmarkable addresses. */
export async function publicRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  app.get<{ Params: Params }>('/:municipality/organisations', OPEN, async (request, reply) => {
    const { filter, errors } = readFilter(request.query);
    const form = { values: formValues(request.query), errors };
    if (Object.keys(errors).length) return reply.page((c) => <DirectoryPage ctx={c} form={form} filter={filter} />, 422);
    const results = await searchDirectory(deps, request.dbContext(), municipalityOf(request).id, filter);
    return reply.page((c) => <DirectoryPage ctx={c} form={form} filter={filter} results={results} />);
  });

  app.get<{ Params: IdParams }>('/:municipality/organisations/:id', OPEN, async (request, reply) => {
    const profile = await publicProfile(deps, request.dbContext(), municipalityOf(request).id, idParam(request));
    return reply.page((c) => <ProfilePage ctx={c} {...profile} />);
  });
}
