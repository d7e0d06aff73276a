import { AREAS, TARGET_GROUPS } from '../catalog';
import type { IndicatorInput } from './csv';

export { AREAS, TARGET_GROUPS };
export const STATUSES = ['draft', 'in_progress', 'adopted'] as const;
export type Status = (typeof STATUSES)[number];
export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The one step a diagnosis may take: a draft is started, a diagnosis in progress is adopted; an adopted one is final. */
export const nextStatus = (s: Status): Status | null => (s === 'draft' ? 'in_progress' : s === 'in_progress' ? 'adopted' : null);

export interface DiagnosisRow {
  id: string;
  title: string;
  period_from: string;
  period_to: string;
  areas: string[];
  groups: string[];
  sources: string;
  team: string;
  timetable: string;
  status: Status;
  adopted_on: string | null;
  version: number;
}

export interface IndicatorRow extends IndicatorInput {
  id: string;
  dataset_id: string;
  dataset_title: string;
}

export interface NeedRow {
  id: string;
  area: string;
  target_group: string;
  title: string;
  evidence: string;
  survey_id: string | null;
  survey_title: string | null;
  indicator_ids: string[];
  priority: Priority;
  version: number;
  /** The resources that answer it (names); none: a gap. */
  resources: string[];
}

export interface ResourceRow {
  id: string;
  area: string;
  name: string;
  organisation_id: string | null;
  service_id: string | null;
  places: number | null;
  potential: string;
  need_ids: string[];
  version: number;
}

/** Gaps: the needs no resource answers, the highest priority first (the needs come ordered by area). */
export function gapsOf(needs: readonly NeedRow[]): NeedRow[] {
  const rank = (p: Priority) => PRIORITIES.indexOf(p);
  return needs.filter((n) => n.resources.length === 0).sort((a, b) => rank(a.priority) - rank(b.priority));
}
