import type { Sql } from '../../platform/db/types';
import type { DataSubject, PersonalDataSection } from '../../platform/module';
import { subject, type SubjectDocument } from './repository-subject';

/** A document of the person's applications and cases in their data download (data.json `documents`): metadata, never the content. */
export type DocumentRecord = Omit<SubjectDocument, 'uploaded_by'>;

export async function documentsOf(sql: Sql, { municipalityId, userId }: DataSubject): Promise<PersonalDataSection> {
  const records: DocumentRecord[] = (await subject.documents(sql, municipalityId, userId)).map(({ uploaded_by: _u, ...d }) => d);
  return { section: 'documents', records };
}
