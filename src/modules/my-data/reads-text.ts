import type { Translator } from '../../platform/i18n';
import type { OwnLabel } from './repository-hub';
import type { ReadEntry } from './repository-reads';

/** The person's own records by kind and id, to name them in words. */
export type OwnLabels = Record<OwnLabel['kind'], Map<string, string>>;

export function ownLabels(list: OwnLabel[]): OwnLabels {
  const out: OwnLabels = { application: new Map(), case: new Map(), document: new Map() };
  for (const l of list) out[l.kind].set(l.id, l.label);
  return out;
}

const named = (ids: string[], map: Map<string, string>) => [...new Set(ids.map((id) => map.get(id)).filter((x): x is string => Boolean(x)))].join(', ') || '—';

/** What was read, in words: "sprawa CUS/2026/000123", "dokument „skan.pdf”", "lista kolejki usługi: Teleopieka". */
export function readWhat(t: Translator['t'], e: ReadEntry, labels: OwnLabels): string {
  const service = named(e.applications, labels.application);
  const number = named(e.cases, labels.case);
  switch (e.action) {
    case 'application.read':
      if (e.subject_type === 'service_queue') return t(e.purpose === 'export' ? 'my_data.reads.what.queue_export' : 'my_data.reads.what.queue', { service });
      return t('my_data.reads.what.application', { service });
    case 'case.read':
      return t('my_data.reads.what.case', { number });
    case 'plan.read':
      return t('my_data.reads.what.plan', { number });
    case 'referral.read':
      return t('my_data.reads.what.referral', { number });
    case 'document.read':
      if (e.subject_type === 'application') return t('my_data.reads.what.application_documents', { service });
      if (e.subject_type === 'case') return t('my_data.reads.what.case_documents', { number });
      return t('my_data.reads.what.document', { name: named(e.documents, labels.document) });
    default:
      return e.action;
  }
}

/** The reader's roles in words ("koordynator usług"), or that they no longer have any here. */
export const readerRoles = (t: Translator['t'], e: ReadEntry): string =>
  e.roles?.length ? e.roles.map((r) => t(`role.${r}` as 'role.resident')).join(', ') : t('my_data.reads.no_role');
