import type { Sql } from '../../platform/db/types';
import type { IndicatorInput } from './csv';
import type { DiagnosisRow, IndicatorRow, NeedRow, ResourceRow, Status } from './domain';
import type { DiagnosisInput, NeedInput, ResourceInput } from './form';

const DIAGNOSIS = `id, title, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to, areas, groups, sources, team, timetable,
  status, to_char(adopted_on, 'YYYY-MM-DD') AS adopted_on, version`;

export const diagnoses = {
  async list(sql: Sql, m: string, adoptedOnly: boolean): Promise<DiagnosisRow[]> {
    return sql.query<DiagnosisRow>(`SELECT ${DIAGNOSIS} FROM diagnoses WHERE municipality_id = $1 AND (NOT $2 OR status = 'adopted') ORDER BY period_from DESC, id`, [m, adoptedOnly]);
  },
  async find(sql: Sql, m: string, id: string, lock = false): Promise<DiagnosisRow | undefined> {
    const [row] = await sql.query<DiagnosisRow>(`SELECT ${DIAGNOSIS} FROM diagnoses WHERE municipality_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [m, id]);
    return row;
  },
  async insert(sql: Sql, m: string, d: DiagnosisInput): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO diagnoses (municipality_id, title, period_from, period_to, areas, groups, sources, team, timetable) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [m, d.title, d.period_from, d.period_to, d.areas, d.groups, d.sources, d.team, d.timetable],
    );
    return row!.id;
  },
  /** The edit of a version the editor saw: false when someone saved in between (or it is adopted). */
  async update(sql: Sql, m: string, id: string, d: DiagnosisInput, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE diagnoses SET title = $3, period_from = $4, period_to = $5, areas = $6, groups = $7, sources = $8, team = $9, timetable = $10, version = version + 1
       WHERE municipality_id = $1 AND id = $2 AND version = $11 AND status <> 'adopted' RETURNING id`,
      [m, id, d.title, d.period_from, d.period_to, d.areas, d.groups, d.sources, d.team, d.timetable, version],
    );
    return rows.length === 1;
  },
  async setStatus(sql: Sql, m: string, id: string, status: Status, version: number, day: string): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE diagnoses SET status = $3, adopted_on = CASE WHEN $3 = 'adopted' THEN $5::date END, version = version + 1 WHERE municipality_id = $1 AND id = $2 AND version = $4 RETURNING id`,
      [m, id, status, version, day],
    );
    return rows.length === 1;
  },
};

export const indicators = {
  /** One dataset and all its values in one statement each: the caller's transaction makes it all or nothing. */
  async importDataset(sql: Sql, m: string, diagnosisId: string, title: string, rows: readonly IndicatorInput[]): Promise<string> {
    const [dataset] = await sql.query<{ id: string }>('INSERT INTO diagnosis_datasets (municipality_id, diagnosis_id, title, rows) VALUES ($1, $2, $3, $4) RETURNING id', [m, diagnosisId, title, rows.length]);
    await sql.query(
      `INSERT INTO diagnosis_indicators (municipality_id, diagnosis_id, dataset_id, line, indicator, breakdown, period, value, unit, source, source_date)
       SELECT $1, $2, $3, x.line, x.indicator, x.breakdown, x.period, x.value, x.unit, x.source, x.source_date
       FROM json_to_recordset($4::json) AS x(line int, indicator text, breakdown text, period text, value numeric, unit text, source text, source_date date)`,
      [m, diagnosisId, dataset!.id, JSON.stringify(rows)],
    );
    return dataset!.id;
  },
  async of(sql: Sql, m: string, diagnosisId: string): Promise<IndicatorRow[]> {
    return sql.query<IndicatorRow>(
      `SELECT i.id, i.dataset_id, d.title AS dataset_title, i.line, i.indicator, i.breakdown, i.period, i.value::float8 AS value, i.unit, i.source, to_char(i.source_date, 'YYYY-MM-DD') AS source_date
       FROM diagnosis_indicators i JOIN diagnosis_datasets d ON d.municipality_id = i.municipality_id AND d.id = i.dataset_id
       WHERE i.municipality_id = $1 AND i.diagnosis_id = $2 ORDER BY d.imported_at, d.id, i.line`,
      [m, diagnosisId],
    );
  },
  async count(sql: Sql, m: string, diagnosisId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM diagnosis_indicators WHERE municipality_id = $1 AND diagnosis_id = $2', [m, diagnosisId]);
    return row!.n;
  },
  /** Which of these ids are values of this diagnosis (a need's evidence may cite only its own). */
  async existing(sql: Sql, m: string, diagnosisId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await sql.query<{ id: string }>('SELECT id FROM diagnosis_indicators WHERE municipality_id = $1 AND diagnosis_id = $2 AND id = ANY($3::uuid[])', [m, diagnosisId, [...ids]]);
    return rows.map((r) => r.id);
  },
};

export const needs = {
  /** The diagnosis' needs (or only `needId`'s), with the resources that answer each. */
  async of(sql: Sql, m: string, diagnosisId: string, needId: string | null = null): Promise<NeedRow[]> {
    return sql.query<NeedRow>(
      `SELECT n.id, n.area, n.target_group, n.title, n.evidence, n.survey_id, s.title_pl AS survey_title, n.indicator_ids, n.priority, n.version,
         coalesce((SELECT array_agg(r.name ORDER BY r.name) FROM diagnosis_resource_needs l
                   JOIN diagnosis_resources r ON r.municipality_id = l.municipality_id AND r.id = l.resource_id
                   WHERE l.municipality_id = n.municipality_id AND l.need_id = n.id), '{}') AS resources
       FROM diagnosis_needs n LEFT JOIN surveys s ON s.municipality_id = n.municipality_id AND s.id = n.survey_id
       WHERE n.municipality_id = $1 AND n.diagnosis_id = $2 AND ($3::uuid IS NULL OR n.id = $3)
       ORDER BY n.area, CASE n.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, n.title, n.id`,
      [m, diagnosisId, needId],
    );
  },
  async insert(sql: Sql, m: string, diagnosisId: string, n: NeedInput): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO diagnosis_needs (municipality_id, diagnosis_id, area, target_group, title, evidence, survey_id, indicator_ids, priority)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [m, diagnosisId, n.area, n.target_group, n.title, n.evidence, n.survey_id ?? null, n.indicator_ids, n.priority],
    );
    return row!.id;
  },
  async find(sql: Sql, m: string, diagnosisId: string, needId: string): Promise<NeedRow | undefined> {
    return (await needs.of(sql, m, diagnosisId, needId))[0];
  },
  /** A changed need, if `version` is still the saved one (0 rows: someone saved first). */
  async update(sql: Sql, m: string, needId: string, n: NeedInput, version: number): Promise<number> {
    const rows = await sql.query(
      `UPDATE diagnosis_needs SET area = $3, target_group = $4, title = $5, evidence = $6, survey_id = $7, indicator_ids = $8, priority = $9, version = version + 1
       WHERE municipality_id = $1 AND id = $2 AND version = $10 RETURNING 1`,
      [m, needId, n.area, n.target_group, n.title, n.evidence, n.survey_id ?? null, n.indicator_ids, n.priority, version],
    );
    return rows.length;
  },
  /** The need and its links to resources (the resources stay). */
  async remove(sql: Sql, m: string, needId: string): Promise<void> {
    await sql.query('DELETE FROM diagnosis_needs WHERE municipality_id = $1 AND id = $2', [m, needId]);
  },
  async existing(sql: Sql, m: string, diagnosisId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await sql.query<{ id: string }>('SELECT id FROM diagnosis_needs WHERE municipality_id = $1 AND diagnosis_id = $2 AND id = ANY($3::uuid[])', [m, diagnosisId, [...ids]]);
    return rows.map((r) => r.id);
  },
};

export const resources = {
  /** The diagnosis' resources (or only `resourceId`'s), with the needs each answers. */
  async of(sql: Sql, m: string, diagnosisId: string, resourceId: string | null = null): Promise<ResourceRow[]> {
    return sql.query<ResourceRow>(
      `SELECT r.id, r.area, r.name, r.organisation_id, r.service_id, r.places, r.potential, r.version,
         coalesce((SELECT array_agg(l.need_id) FROM diagnosis_resource_needs l WHERE l.municipality_id = r.municipality_id AND l.resource_id = r.id), '{}') AS need_ids
       FROM diagnosis_resources r WHERE r.municipality_id = $1 AND r.diagnosis_id = $2 AND ($3::uuid IS NULL OR r.id = $3)
       ORDER BY r.area, r.name, r.id`,
      [m, diagnosisId, resourceId],
    );
  },
  async insert(sql: Sql, m: string, diagnosisId: string, r: ResourceInput & { name: string }): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO diagnosis_resources (municipality_id, diagnosis_id, area, name, organisation_id, service_id, places, potential) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [m, diagnosisId, r.area, r.name, r.organisation_id ?? null, r.service_id ?? null, r.places, r.potential],
    );
    await resources.link(sql, m, row!.id, r.need_ids);
    return row!.id;
  },
  async link(sql: Sql, m: string, resourceId: string, needIds: readonly string[]): Promise<void> {
    await sql.query('INSERT INTO diagnosis_resource_needs (municipality_id, resource_id, need_id) SELECT $1, $2, unnest($3::uuid[])', [m, resourceId, [...needIds]]);
  },
  async find(sql: Sql, m: string, diagnosisId: string, resourceId: string): Promise<ResourceRow | undefined> {
    return (await resources.of(sql, m, diagnosisId, resourceId))[0];
  },
  /** A changed resource and the needs it answers, if `version` is still the saved one (0: someone saved first). */
  async update(sql: Sql, m: string, resourceId: string, r: ResourceInput & { name: string }, version: number): Promise<number> {
    const rows = await sql.query(
      `UPDATE diagnosis_resources SET area = $3, name = $4, organisation_id = $5, service_id = $6, places = $7, potential = $8, version = version + 1
       WHERE municipality_id = $1 AND id = $2 AND version = $9 RETURNING 1`,
      [m, resourceId, r.area, r.name, r.organisation_id ?? null, r.service_id ?? null, r.places, r.potential, version],
    );
    if (rows.length === 0) return 0;
    await sql.query('DELETE FROM diagnosis_resource_needs WHERE municipality_id = $1 AND resource_id = $2', [m, resourceId]);
    await resources.link(sql, m, resourceId, r.need_ids);
    return 1;
  },
  async remove(sql: Sql, m: string, resourceId: string): Promise<void> {
    await sql.query('DELETE FROM diagnosis_resources WHERE municipality_id = $1 AND id = $2', [m, resourceId]);
  },
};

/**
 * What a resource may name, read from the registry and the catalogue (their tables, as commissioning's
 * repository reads them: neither module has a read model of its list yet) and the surveys a need may cite.
 */
export const choices = {
  async organisations(sql: Sql, m: string): Promise<{ id: string; name: string }[]> {
    return sql.query("SELECT id, name FROM organisations WHERE municipality_id = $1 AND status = 'verified' ORDER BY name, id", [m]);
  },
  async services(sql: Sql, m: string): Promise<{ id: string; name: string }[]> {
    return sql.query("SELECT id, name FROM services WHERE municipality_id = $1 AND status = 'active' ORDER BY name, id", [m]);
  },
  async surveys(sql: Sql, m: string): Promise<{ id: string; name: string }[]> {
    return sql.query("SELECT id, title_pl AS name FROM surveys WHERE municipality_id = $1 AND status <> 'draft' ORDER BY opens_at DESC, id", [m]);
  },
};
