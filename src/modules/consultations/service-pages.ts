import type { DbContext } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import type { ConsultationRow, PartRow } from './domain';
import { consultations, parts, people } from './repository';
import { remarkPages, REMARKS_PAGE } from './repository-pages';

export { REMARKS_PAGE };
import { consultationView, shownRemark, type ConsultationsDeps, type ConsultationView, type ShownRemark, type Viewer } from './service';
import { surveyOf } from './service-survey';
import type { OwnedSurvey } from '../surveys';

/** One page of a list of remarks: the remarks, the id to read the next page after (null on the last), and the number of the first. */
export interface RemarksPage {
  remarks: ShownRemark[];
  next: string | null;
  /** Whether this is a later page (a link back to the first one is shown). */
  later: boolean;
  /** The number of the page's first remark in the report's order (staff list). */
  firstNumber: number;
}

const paged = (rows: ShownRemark[], later: boolean, firstNumber = 1): RemarksPage => {
  const more = rows.length > REMARKS_PAGE;
  const remarks = more ? rows.slice(0, REMARKS_PAGE) : rows;
  return { remarks, next: more ? remarks[remarks.length - 1]!.id : null, later, firstNumber };
};

async function consultationOf(sql: Parameters<typeof consultations.find>[0], municipalityId: string, id: string): Promise<ConsultationRow> {
  const c = await consultations.find(sql, municipalityId, id);
  if (!c) throw new AppError('not_found');
  return c;
}

/** A part's page: the part (not removed), its remarks 50 at a time (newest first), the organisations the viewer may speak for. */
export async function partPage(
  deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, consultationId: string, partId: string, after: string | null, viewer: Viewer, gone: 'not_found' | 'consultation.part_gone' = 'not_found',
): Promise<{ consultation: ConsultationRow; part: PartRow; page: RemarksPage; organisations: { id: string; name: string }[] }> {
  return deps.db.tx(ctx, async (sql) => {
    const consultation = await consultationOf(sql, municipalityId, consultationId);
    const part = await parts.find(sql, municipalityId, partId);
    if (!part || part.consultation_id !== consultationId || part.removed_at) throw new AppError(gone);
    const rows = (await remarkPages.ofPart(sql, municipalityId, consultationId, partId, after)).map((r) => shownRemark(r, viewer));
    return {
      consultation,
      part,
      page: paged(rows, after !== null),
      organisations: viewer.userId ? await people.organisationsOf(sql, municipalityId, viewer.userId) : [],
    };
  });
}

/**
 * A consultation's public page: its facts and text with each part's count of remarks, and the remarks 50 at
 * a time in the report's order (the same keyset pages as the staff list), never all of them at once.
 */
export async function consultationPage(
  deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, consultationId: string, after: string | null, viewer: Viewer,
): Promise<{ view: ConsultationView; page: RemarksPage; counts: Map<string | null, number>; survey: OwnedSurvey | null }> {
  const view = await consultationView(deps, ctx, municipalityId, consultationId, viewer, false);
  return deps.db.tx(ctx, async (sql) => {
    const rows = (await remarkPages.ofConsultation(sql, municipalityId, consultationId, after)).map((r) => shownRemark(r, viewer));
    const before = after && rows.length ? await remarkPages.countUpTo(sql, municipalityId, consultationId, after) : 0;
    const counts = new Map((await remarkPages.countsByPart(sql, municipalityId, consultationId)).map((c) => [c.part_id, c.n] as const));
    return { view, page: paged(rows, after !== null, before + 1), counts, survey: await surveyOf(sql, municipalityId, consultationId) };
  });
}

/** Staff's list of remarks to answer: 50 at a time in the report's order, numbered as the report numbers them. */
export async function staffRemarksPage(deps: ConsultationsDeps, ctx: DbContext, municipalityId: string, consultationId: string, after: string | null, viewer: Viewer): Promise<RemarksPage> {
  return deps.db.tx(ctx, async (sql) => {
    const rows = (await remarkPages.ofConsultation(sql, municipalityId, consultationId, after)).map((r) => shownRemark(r, viewer));
    const before = after && rows.length ? await remarkPages.countUpTo(sql, municipalityId, consultationId, after) : 0;
    return paged(rows, after !== null, before + 1);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The `after` query parameter: a remark's id, or nothing (a malformed one reads the first page). */
export function afterOf(query: unknown): string | null {
  const v = (query as Record<string, unknown> | undefined)?.after;
  return typeof v === 'string' && UUID.test(v) ? v.toLowerCase() : null;
}
