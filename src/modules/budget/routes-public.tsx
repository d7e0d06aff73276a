import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSV_CONTENT_TYPE, toCsv } from '../../platform/export/csv';
import { AppError } from '../../platform/http/errors';
import { idParam } from '../../platform/http/params';
import { municipalityOf } from '../../platform/http/route-context';
import type { ModuleContext } from '../../platform/module';
import { canCount, depsOf, DOWNLOAD, isStaff, OPEN, type EditionParams, type Params, type PoolParams } from './routes-common';
import { poolToPb } from './service-pabulib';
import { editionPage, editionResults, editionsList, projectView, RESULTS_CSV_COLUMNS, resultsCsvRows } from './service-results';
import { EditionPage, EditionsPage, ProjectPage, ResultsPage } from './views/public';

/** The budget for everyone: editions, an edition's pools and projects, a project, the live results (page, CSV, .pb). */
export async function publicRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const { db } = depsOf(ctx);
  const m = (request: FastifyRequest) => municipalityOf(request).id;

  app.get<{ Params: Params }>('/:municipality/budzet', OPEN, async (request, reply) => {
    const list = await editionsList(db, request.dbContext(), m(request), isStaff(request));
    return reply.page((c) => <EditionsPage ctx={c} list={list} staff={isStaff(request)} />);
  });

  app.get<{ Params: EditionParams }>('/:municipality/budzet/:edition', OPEN, async (request, reply) => {
    const view = await editionPage(db, request.dbContext(), m(request), idParam(request, 'edition'), isStaff(request));
    return reply.page((c) => <EditionPage ctx={c} view={view} canCount={canCount(request)} />);
  });

  app.get<{ Params: EditionParams }>('/:municipality/budzet/:edition/wyniki', OPEN, async (request, reply) => {
    const { view, results } = await editionResults(db, request.dbContext(), m(request), idParam(request, 'edition'), isStaff(request));
    return reply.page((c) => <ResultsPage ctx={c} view={view} results={results} />);
  });

  app.get<{ Params: EditionParams }>('/:municipality/budzet/:edition/wyniki.csv', DOWNLOAD, async (request, reply) => {
    const { view, results } = await editionResults(db, request.dbContext(), m(request), idParam(request, 'edition'), isStaff(request));
    return reply
      .header('content-type', CSV_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="wyniki-${view.edition.year}-${view.edition.id.slice(0, 8)}.csv"`)
      .send(toCsv(resultsCsvRows(results), { columns: RESULTS_CSV_COLUMNS }));
  });

  app.get<{ Params: PoolParams }>('/:municipality/budzet/:edition/pule/:pool.pb', DOWNLOAD, async (request, reply) => {
    const { view, results } = await editionResults(db, request.dbContext(), m(request), idParam(request, 'edition'), isStaff(request));
    const poolId = idParam(request, 'pool');
    const r = results.find((x) => x.pool.id === poolId);
    if (!r) throw new AppError('not_found');
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('content-disposition', `attachment; filename="budzet-${view.edition.year}-${poolId.slice(0, 8)}.pb"`)
      .send(poolToPb(view.edition, r.pool, r.projects, r.ballots, r.outcome));
  });

  app.get<{ Params: Params & { id: string } }>('/:municipality/budzet/projekty/:id', OPEN, async (request, reply) => {
    const v = await projectView(db, request.dbContext(), m(request), idParam(request), isStaff(request));
    return reply.page((c) => <ProjectPage ctx={c} project={v.project} edition={v.edition} pool={v.pool} lines={v.lines} result={v.result} />);
  });
}
