import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Permission } from '../../platform/auth/roles';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError, validationError } from '../../platform/http/errors';
import { requireCaseAccess, type CaseViewer } from '../cases';
import type { ParsedUpload } from './form';
import { documents, parents, type ApplicationRef, type CaseRef, type DocumentFound, type DocumentRow } from './repository-documents';
import { subject, type SubjectDocument } from './repository-subject';
import type { MyDataDeps } from './routes-common';

/**
 * Documents attached to an application (by its applicant, or by staff who handle applications) or
 * to a case (by staff with access to it). Staff reads are audited `document.read` with the cases
 * and ids involved; the resident reading their own is not. Removing keeps the record, not the bytes.
 */

async function store(sql: Sql, municipalityId: string, input: ParsedUpload, at: { applicationId: string | null; caseId: string | null; cases: string[] }, actor: AuditActor): Promise<string> {
  const id = await documents.insert(sql, municipalityId, {
    applicationId: at.applicationId,
    caseId: at.caseId,
    filename: input.file.filename,
    mediaType: input.file.mediaType,
    content: input.file.data,
    sha256: input.file.sha256,
    description: input.description,
    uploadedBy: actor.userId!,
  });
  await audit(sql, municipalityId, actor, {
    action: 'document.uploaded',
    subjectType: 'document',
    subjectId: id,
    details: { cases: at.cases, ids: [id], ...(at.applicationId ? { application: at.applicationId } : {}), type: input.file.mediaType, bytes: input.file.data.length, sha256: input.file.sha256 },
  });
  return id;
}

/** The applicant adds a document to one of their applications; someone else's is not theirs to choose. */
export async function uploadAsApplicant(deps: MyDataDeps, ctx: DbContext, municipalityId: string, input: ParsedUpload, actor: AuditActor): Promise<ApplicationRef> {
  return deps.db.tx(ctx, async (sql) => {
    const a = input.applicationId ? await parents.application(sql, municipalityId, input.applicationId) : undefined;
    if (!a || a.applicant_id !== actor.userId) throw validationError({ application: { code: 'invalid' } });
    await store(sql, municipalityId, input, { applicationId: a.id, caseId: null, cases: a.cases }, actor);
    return a;
  });
}

export async function uploadToApplication(deps: MyDataDeps, ctx: DbContext, municipalityId: string, applicationId: string, input: ParsedUpload, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const a = await parents.application(sql, municipalityId, applicationId);
    if (!a) throw new AppError('not_found');
    await store(sql, municipalityId, input, { applicationId: a.id, caseId: null, cases: a.cases }, actor);
  });
}

export async function uploadToCase(deps: MyDataDeps, ctx: DbContext, municipalityId: string, caseId: string, viewer: CaseViewer, input: ParsedUpload, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    await requireCaseAccess(sql, municipalityId, viewer, caseId);
    const c = (await parents.case(sql, municipalityId, caseId))!;
    if (c.status !== 'open') throw new AppError('case.closed');
    await store(sql, municipalityId, input, { applicationId: null, caseId, cases: [caseId] }, actor);
  });
}

/** Staff's list of an application's documents (with its upload form): a read of the application's documents, audited. */
export async function applicationDocuments(deps: MyDataDeps, ctx: DbContext, municipalityId: string, applicationId: string, actor: AuditActor): Promise<{ application: ApplicationRef; documents: DocumentRow[] }> {
  return deps.db.tx(ctx, async (sql) => {
    const application = await parents.application(sql, municipalityId, applicationId);
    if (!application) throw new AppError('not_found');
    const list = await documents.ofApplication(sql, municipalityId, applicationId);
    await audit(sql, municipalityId, actor, {
      action: 'document.read',
      subjectType: 'application',
      subjectId: applicationId,
      details: { purpose: 'list', cases: application.cases, ids: [applicationId, ...list.map((d) => d.id)] },
    });
    return { application, documents: list };
  });
}

export async function caseDocuments(deps: MyDataDeps, ctx: DbContext, municipalityId: string, caseId: string, viewer: CaseViewer, actor: AuditActor): Promise<{ case: CaseRef; documents: DocumentRow[] }> {
  return deps.db.tx(ctx, async (sql) => {
    await requireCaseAccess(sql, municipalityId, viewer, caseId);
    const c = (await parents.case(sql, municipalityId, caseId))!;
    const list = await documents.ofCase(sql, municipalityId, caseId);
    await audit(sql, municipalityId, actor, { action: 'document.read', subjectType: 'case', subjectId: caseId, details: { purpose: 'list', cases: [caseId], ids: list.map((d) => d.id) } });
    return { case: c, documents: list };
  });
}

export interface Reader {
  viewer: CaseViewer;
  /** Staff opening residents' documents must have enrolled two-factor authentication. */
  mfa: boolean;
}

const has = (viewer: CaseViewer, p: Permission) => viewer.permissions.has(p);

/**
 * A document's bytes for whoever may have them: its resident (the applicant, or the case's person),
 * not audited; staff handling applications for an application's document, staff with access to the
 * case for a case's — audited. Anyone else: not found.
 */
export async function downloadDocument(deps: MyDataDeps, ctx: DbContext, municipalityId: string, id: string, reader: Reader, actor: AuditActor): Promise<{ document: DocumentFound; content: Buffer }> {
  return deps.db.tx(ctx, async (sql) => {
    const d = await documents.find(sql, municipalityId, id);
    if (!d) throw new AppError('not_found');
    const own = d.owner_id === reader.viewer.userId;
    if (!own) {
      const staff = d.application_id ? has(reader.viewer, 'applications.manage') : has(reader.viewer, 'cases.manage');
      if (!staff) throw new AppError('not_found');
      if (!reader.mfa) throw new AppError('auth.mfa_required');
      if (!d.application_id) await requireCaseAccess(sql, municipalityId, reader.viewer, d.case_id!);
    }
    if (d.removed_at) throw new AppError('document.removed');
    const content = await documents.content(sql, municipalityId, id);
    if (!content) throw new AppError('document.removed');
    if (!own) await audit(sql, municipalityId, actor, { action: 'document.read', subjectType: 'document', subjectId: id, details: { cases: d.cases, ids: [id] } });
    return { document: d, content };
  });
}

/** A document its uploader may remove (the confirmation page and the removal itself); others' are not found. */
async function removable(sql: Sql, municipalityId: string, id: string, userId: string): Promise<DocumentFound> {
  const d = await documents.find(sql, municipalityId, id);
  if (!d || d.uploaded_by !== userId) throw new AppError('not_found');
  if (d.removed_at) throw new AppError('document.removed');
  return d;
}

export async function documentToRemove(deps: MyDataDeps, ctx: DbContext, municipalityId: string, id: string, userId: string): Promise<DocumentFound> {
  return deps.db.tx(ctx, (sql) => removable(sql, municipalityId, id, userId));
}

export async function removeDocument(deps: MyDataDeps, ctx: DbContext, municipalityId: string, id: string, actor: AuditActor): Promise<DocumentFound> {
  return deps.db.tx(ctx, async (sql) => {
    const d = await removable(sql, municipalityId, id, actor.userId!);
    if (!(await documents.remove(sql, municipalityId, id, actor.userId!))) throw new AppError('document.removed');
    await audit(sql, municipalityId, actor, { action: 'document.removed', subjectType: 'document', subjectId: id, details: { cases: d.cases, ids: [id] } });
    return d;
  });
}

/** "Moje dokumenty" and the applications a new one may be added to. */
export async function myDocuments(deps: MyDataDeps, ctx: DbContext, municipalityId: string, userId: string): Promise<{ documents: SubjectDocument[]; applications: ApplicationRef[] }> {
  return deps.db.tx(ctx, async (sql) => ({
    documents: await subject.documents(sql, municipalityId, userId),
    applications: await parents.applicationsOf(sql, municipalityId, userId),
  }));
}
