import { toCsv } from '../../platform/export/csv';
import { renderXlsx } from '../../platform/export/xlsx';
import type { MessageKey, Translator } from '../../platform/i18n';
import { KINDS, SPHERES, STATUSES } from './domain';
import type { ExportedOrganisation } from './repository';

/** The file's columns: stable machine names, in this order, in the first row. */
export const EXPORT_COLUMNS = [
  'id', 'name', 'kind', 'status', 'krs', 'nip', 'regon', 'leader_name', 'spheres', 'description', 'founded_year', 'members_count',
  'volunteers_count', 'street', 'postal_code', 'city', 'email', 'phone', 'website', 'social_links', 'published_contacts', 'federations',
  'submitted_at', 'verified_at', 'version',
] as const;
type Column = (typeof EXPORT_COLUMNS)[number];
type Cell = string | number | null;

const CODE_SEPARATOR = ';';
const NAME_SEPARATOR = ' | ';

function cells(o: ExportedOrganisation): Record<Column, Cell> {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    status: o.status,
    krs: o.krs,
    nip: o.nip,
    regon: o.regon,
    leader_name: o.leader_name,
    spheres: o.spheres.join(CODE_SEPARATOR),
    description: o.description,
    founded_year: o.founded_year,
    members_count: o.members_count,
    volunteers_count: o.volunteers_count,
    street: o.street,
    postal_code: o.postal_code,
    city: o.city,
    email: o.email,
    phone: o.phone,
    website: o.website,
    social_links: o.social_links.join(NAME_SEPARATOR),
    published_contacts: o.published_contacts.join(CODE_SEPARATOR),
    federations: o.federation_names.join(NAME_SEPARATOR),
    submitted_at: new Date(o.submitted_at).toISOString(),
    verified_at: o.verified_at ? new Date(o.verified_at).toISOString() : null,
    version: o.version,
  };
}

/** UTF-8 with a byte-order mark (Excel reads Polish letters right), formulas neutralised. */
export function organisationsCsv(rows: ExportedOrganisation[]): string {
  const records = rows.map((o) => {
    const c = cells(o);
    return EXPORT_COLUMNS.map((k) => (c[k] === null ? '' : String(c[k])));
  });
  return toCsv(records, { columns: EXPORT_COLUMNS });
}

const WIDTHS: Partial<Record<Column, number>> = { id: 38, name: 44, description: 60, spheres: 40, email: 30, website: 30, social_links: 40, federations: 40, street: 30 };
/** Text cells that look like numbers stay text: registry numbers keep their leading zeros. */
const TEXT_COLUMNS: Column[] = ['id', 'krs', 'nip', 'regon', 'phone', 'postal_code'];

/** Sheet "Organizacje" (bold, frozen header row) and sheet "Słowniki": the codes of kinds, statuses and spheres with their Polish labels. */
export function organisationsXlsx(rows: ExportedOrganisation[], pl: Translator): Promise<Buffer> {
  return renderXlsx([
    {
      name: pl.t('organisations.export.sheet'),
      columns: EXPORT_COLUMNS.map((c) => ({ header: c, key: c, width: WIDTHS[c] ?? 16 })),
      // Text cells are strings, never formulas (a formula is an object for exceljs), so they keep their exact text.
      rows: rows.map(cells),
      textColumns: TEXT_COLUMNS,
    },
    {
      name: pl.t('organisations.export.codes'),
      columns: [
        { header: pl.t('organisations.export.list'), key: 'list', width: 24 },
        { header: pl.t('organisations.export.code'), key: 'code', width: 32 },
        { header: pl.t('organisations.export.label'), key: 'label', width: 90 },
      ],
      rows: [
        ...KINDS.map((k) => ({ list: 'kind', code: k, label: pl.t(`organisation_kind.${k}`) })),
        ...STATUSES.map((st) => ({ list: 'status', code: st, label: pl.t(`organisation_status.${st}`) })),
        ...SPHERES.map(([code, point]) => ({ list: 'spheres', code, label: `${pl.t('organisations.export.point', { point })} ${pl.t(`sphere.${code}` as MessageKey)}` })),
      ],
    },
  ]);
}
