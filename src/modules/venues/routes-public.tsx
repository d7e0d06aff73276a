import type { FastifyInstance } from 'fastify';
import { isCalendarDay } from '../../platform/http/form-fields';
import { idParam } from '../../platform/http/params';
import type { ModuleContext } from '../../platform/module';
import { depsOf, municipalityOf, OPEN, viewerOf, type IdParams, type Params } from './routes-common';
import { allVenues, venue } from './service';
import { roomWeek } from './service-bookings';
import { addDays, mondayOf, warsawDay } from '../../platform/time';
import { CalendarPage } from './views/calendar';
import { VenuePage, VenuesPage } from './views/directory';


/** The week asked for (?week=YYYY-MM-DD, any day of it) within three years of today; else this week. */
function weekOf(query: unknown): string {
  const raw = (query as Record<string, unknown> | undefined)?.week;
  const today = warsawDay();
  const ok = typeof raw === 'string' && isCalendarDay(raw) && raw >= addDays(today, -1100) && raw <= addDays(today, 1100);
  return mondayOf(ok ? raw : today);
}

/** The Local Activity Place for everyone: venues, their rooms and hours, and each room's week ("taken", never by whom). */
export async function publicRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const deps = depsOf(ctx);

  app.get<{ Params: Params }>('/:municipality/venues', OPEN, async (request, reply) => {
    const list = await allVenues(deps, request.dbContext(), municipalityOf(request).id);
    return reply.page((c) => <VenuesPage ctx={c} venues={list} staff={viewerOf(request).staff} />);
  });

  app.get<{ Params: IdParams }>('/:municipality/venues/:id', OPEN, async (request, reply) => {
    const v = await venue(deps, request.dbContext(), municipalityOf(request).id, idParam(request));
    return reply.page((c) => <VenuePage ctx={c} venue={v} />);
  });

  app.get<{ Params: IdParams }>('/:municipality/venues/rooms/:id', OPEN, async (request, reply) => {
    const monday = weekOf(request.query);
    const viewer = viewerOf(request);
    const week = await roomWeek(deps, request.dbContext(), municipalityOf(request).id, idParam(request), monday, viewer);
    return reply.page((c) => <CalendarPage ctx={c} {...week} monday={monday} viewer={viewer} />);
  });
}
