import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Permission } from '../../platform/auth/roles';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError, validationError } from '../../platform/http/errors';
import { canWriteCase, mayWriteCase, requireCaseAccess, requireCaseWrite, requireCasesAccess, type CaseViewer } from '../cases';
import type { ParsedUpload } from './form';
import { documents, parents, type ApplicationRef, type CaseRef, type DocumentFound, type DocumentRow } from './repository-documents';
import { subject, type SubjectDocument } from './repository-subject';
import type { MyDataDeps } from './routes-common';

/**
 * Documents attached to an application (by its applicant, or by staff who handle applications) or
 * to a case (by staff with access to it). Staff reads are audited `document.read` with the cases
 * and ids involved; the resident reading their own is not. Removing keeps the record, not the bytes.
 */

const MB = 1024 * 1024;
/** Whole megabytes for a message, never fewer than there are. */
const megabytes = (bytes: number) => Math.ceil(bytes / MB);

/**
 * Whether the file fits in what is left of the quotas: the resident's own (their uploads still
 * kept) and the municipality's (everyone's). Staff uploads count only towards the municipality's.
 */
async function requireRoom(deps: MyDataDeps, sql: Sql, municipalityId: string, bytes: number, residentId: string | null): Promise<void> {
  const { personBytes, municipalityBytes } = deps.documentQuota;
  await documents.lockQuota(sql, municipalityId);
  if (residentId) {
    const used = await documents.keptBytes(sql, municipalityId, residentId);
    if (used + bytes > personBytes) throw validationError({ file: { code: 'document_quota_person', params: { used: megabytes(used), max: megabytes(personBytes) } } });
  }
  if ((await documents.keptBytes(sql, municipalityId, null)) + bytes > municipalityBytes) throw validationError({ file: { code: 'document_quota_municipality' } });
}

async function store(deps: MyDataDeps, sql: Sql, municipalityId: string, input: ParsedUpload, at: { applicationId: string | null; caseId: string | null; cases: string[]; byResident?: boolean }, actor: AuditActor): Promise<string> {
  await requireRoom(deps, sql, municipalityId, input.file.data.length, at.byResident ? actor.userId! : null);
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
    await store(deps, sql, municipalityId, input, { applicationId: a.id, caseId: null, cases: a.cases, byResident: true }, actor);
    return a;
  });
}

/** Staff add to an application; once it belongs to a case, that is a write on the case (cases' one rule, the case locked). */
export async function uploadToApplication(deps: MyDataDeps, ctx: DbContext, municipalityId: string, applicationId: string, viewer: CaseViewer, input: ParsedUpload, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const a = await parents.application(sql, municipalityId, applicationId);
    if (!a) throw new AppError('not_found');
    for (const caseId of [...new Set(a.cases)].sort()) await requireCaseWrite(sql, municipalityId, viewer, caseId);
    await store(deps, sql, municipalityId, input, { applicationId: a.id, caseId: null, cases: a.cases }, actor);
  });
}

export async function uploadToCase(deps: MyDataDeps, ctx: DbContext, municipalityId: string, caseId: string, viewer: CaseViewer, input: ParsedUpload, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    await requireCaseWrite(sql, municipalityId, viewer, caseId);
    await store(deps, sql, municipalityId, input, { applicationId: null, caseId, cases: [caseId] }, actor);
  });
}

/**
 * Staff's list of an application's documents (with its upload form): a read of the application's
 * documents, audited. Once the application belongs to a case, the case's need-to-know decides.
 */
export async function applicationDocuments(deps: MyDataDeps, ctx: DbContext, municipalityId: string, applicationId: string, viewer: CaseViewer, actor: AuditActor): Promise<{ application: ApplicationRef; documents: DocumentRow[]; mayUpload: boolean }> {
  return deps.db.tx(ctx, async (sql) => {
    const application = await parents.application(sql, municipalityId, applicationId);
    if (!application) throw new AppError('not_found');
    await requireCasesAccess(sql, municipalityId, viewer, application.cases);
    let mayUpload = true;
    for (const caseId of application.cases) mayUpload &&= await canWriteCase(sql, municipalityId, viewer, caseId);
    const list = await documents.ofApplication(sql, municipalityId, applicationId);
    await audit(sql, municipalityId, actor, {
      action: 'document.read',
      subjectType: 'application',
      subjectId: applicationId,
      details: { purpose: 'list', cases: application.cases, ids: [applicationId, ...list.map((d) => d.id)] },
    });
    return { application, documents: list, mayUpload };
  });
}

export async function caseDocuments(deps: MyDataDeps, ctx: DbContext, municipalityId: string, caseId: string, viewer: CaseViewer, actor: AuditActor): Promise<{ case: CaseRef; documents: DocumentRow[]; mayUpload: boolean }> {
  return deps.db.tx(ctx, async (sql) => {
    const access = await requireCaseAccess(sql, municipalityId, viewer, caseId);
    const c = (await parents.case(sql, municipalityId, caseId))!;
    const list = await documents.ofCase(sql, municipalityId, caseId);
    await audit(sql, municipalityId, actor, { action: 'document.read', subjectType: 'case', subjectId: caseId, details: { purpose: 'list', cases: [caseId], ids: list.map((d) => d.id) } });
    return { case: c, documents: list, mayUpload: mayWriteCase(access) && c.status === 'open' };
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
 * case for a case's and for an application's in a case — audited. Anyone else: not found (or 403
 * `case.need_to_know` for a colleague outside the case).
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
      // A case's document, or an application's once the application belongs to a case: the case's need-to-know.
      await requireCasesAccess(sql, municipalityId, reader.viewer, d.application_id ? d.cases : [d.case_id!]);
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
