import { z } from 'zod';
import { choice, choiceList, chosenId, idList, optionalWhole, requiredDay, versionField } from '../../platform/http/form-fields';
import { longText, parse, requiredText, shortText, SHORT_TEXT } from '../../platform/http/validation';
import { validationError } from '../../platform/http/errors';
import { AREAS, PRIORITIES, TARGET_GROUPS } from './domain';

export const DIAGNOSIS_FIELDS = ['title', 'period_from', 'period_to', 'areas', 'groups', 'sources', 'team', 'timetable'] as const;

const diagnosisSchema = z.object({
  title: requiredText(SHORT_TEXT).refine((v) => v.length >= 3, { params: { code: 'diagnosis_too_short' } }),
  period_from: requiredDay(),
  period_to: requiredDay(),
  areas: choiceList(AREAS),
  groups: choiceList(TARGET_GROUPS),
  sources: longText(),
  team: longText(),
  timetable: longText(),
});
export type DiagnosisInput = z.output<typeof diagnosisSchema>;

export function parseDiagnosisForm(body: unknown): DiagnosisInput {
  const input = parse(diagnosisSchema, body);
  if (input.period_to < input.period_from) throw validationError({ period_to: { code: 'diagnosis_period' } });
  return input;
}

export const diagnosisToValues = (d: { title: string; period_from: string; period_to: string; areas: string[]; groups: string[]; sources: string; team: string; timetable: string; version: number }) => ({
  title: d.title, period_from: d.period_from, period_to: d.period_to, areas: d.areas, groups: d.groups, sources: d.sources, team: d.team, timetable: d.timetable, version: String(d.version),
});

export const IMPORT_FIELDS = ['title', 'source', 'source_date', 'csv'] as const;
const importSchema = z.object({
  title: requiredText(SHORT_TEXT),
  source: shortText(),
  source_date: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(10)),
  csv: requiredText(20_000),
});
export const parseImportForm = (body: unknown) => parse(importSchema, body);

export const NEED_FIELDS = ['title', 'area', 'target_group', 'priority', 'evidence', 'survey_id', 'indicator_ids'] as const;
const needSchema = z.object({
  title: requiredText(SHORT_TEXT).refine((v) => v.length >= 3, { params: { code: 'diagnosis_too_short' } }),
  area: choice(AREAS),
  target_group: choice(TARGET_GROUPS),
  priority: choice(PRIORITIES),
  evidence: longText(),
  survey_id: z.preprocess((v) => (v === '' ? undefined : v), chosenId().optional()),
  indicator_ids: idList(),
});
export type NeedInput = z.output<typeof needSchema>;
export const parseNeedForm = (body: unknown): NeedInput => parse(needSchema, body);

export const RESOURCE_FIELDS = ['name', 'area', 'organisation_id', 'service_id', 'places', 'potential', 'need_ids'] as const;
const resourceSchema = z.object({
  name: shortText(),
  area: choice(AREAS),
  organisation_id: z.preprocess((v) => (v === '' ? undefined : v), chosenId().optional()),
  service_id: z.preprocess((v) => (v === '' ? undefined : v), chosenId().optional()),
  places: optionalWhole('diagnosis_places', 0, 100_000),
  potential: longText(),
  need_ids: idList(),
});
export type ResourceInput = z.output<typeof resourceSchema>;
export const parseResourceForm = (body: unknown): ResourceInput => parse(resourceSchema, body);

/** A saved need or resource as its form's values (the edit page, and the other side of a 409). */
export const needToValues = (n: { title: string; area: string; target_group: string; priority: string; evidence: string; survey_id: string | null; indicator_ids: string[]; version: number }) => ({
  title: n.title, area: n.area, target_group: n.target_group, priority: n.priority, evidence: n.evidence, survey_id: n.survey_id ?? '', indicator_ids: n.indicator_ids, version: String(n.version),
});
export const resourceToValues = (r: { name: string; area: string; organisation_id: string | null; service_id: string | null; places: number | null; potential: string; need_ids: string[]; version: number }) => ({
  name: r.name, area: r.area, organisation_id: r.organisation_id ?? '', service_id: r.service_id ?? '', places: r.places === null ? '' : String(r.places), potential: r.potential, need_ids: r.need_ids, version: String(r.version),
});

/** The version a change was based on (a stale one is 409). */
export const versionSchema = z.object({ version: versionField() });
