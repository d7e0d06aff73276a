import type { Translator } from '../../../platform/i18n';
import type { MessageKey } from '../../../platform/i18n';
import { AREAS, FEE_KINDS, SERVICE_STATUSES, SITUATIONS, TARGET_GROUPS } from '../domain';
import { toCsv } from '../../../platform/export/csv';
import { renderXlsx } from '../../../platform/export/xlsx';
import { COLUMNS, serviceCells, type Column } from './columns';
import type { ExportedService } from './repository-transfer';

/** UTF-8 with a byte-order mark (Excel reads Polish letters right), formulas neutralised. */
export function servicesCsv(services: ExportedService[]): string {
  const rows = services.map((s) => {
    const cells = serviceCells(s);
    return COLUMNS.map((c) => (cells[c] === null ? '' : String(cells[c])));
  });
  return toCsv(rows, { columns: COLUMNS });
}

const WIDTHS: Partial<Record<Column, number>> = {
  id: 38, name: 40, summary: 50, description: 60, how_to_apply: 50, required_documents: 50, fee_rule: 40, eligibility: 50, provider: 36,
  locations: 40, target_groups: 30, situations: 30, contact_email: 30, area: 20, capacity_period: 20, languages: 12, contact_phone: 18,
};

/** Sheet "Usługi" (bold, frozen header row) and sheet "Słowniki": the codes the columns accept, with their Polish labels. */
export function servicesXlsx(services: ExportedService[], pl: Translator): Promise<Buffer> {
  const rows = services.map((s) => {
    const cells = serviceCells(s);
    // A decimal stays a number cell; everything else textual stays text (never a formula).
    return { ...cells, fee_amount: cells.fee_amount === null ? null : Number(cells.fee_amount) };
  });
  const lists: [MessageKey, readonly string[], string][] = [
    ['catalog_transfer.list.area', AREAS, 'area.'],
    ['catalog_transfer.list.target_groups', TARGET_GROUPS, 'group.'],
    ['catalog_transfer.list.situations', SITUATIONS, 'situation.'],
    ['catalog_transfer.list.fee_kind', FEE_KINDS, 'catalog_admin.fee_kind.'],
    ['catalog_transfer.list.status', SERVICE_STATUSES, 'service_status.'],
  ];
  return renderXlsx([
    { name: pl.t('catalog_transfer.sheet_services'), columns: COLUMNS.map((c) => ({ header: c, key: c, width: WIDTHS[c] ?? 14 })), rows, textColumns: ['id', 'contact_phone'] },
    {
      name: pl.t('catalog_transfer.sheet_codes'),
      columns: [
        { header: pl.t('catalog_transfer.sheet_list'), key: 'list', width: 28 },
        { header: pl.t('catalog_transfer.sheet_code'), key: 'code', width: 28 },
        { header: pl.t('catalog_transfer.sheet_label'), key: 'label', width: 45 },
      ],
      rows: lists.flatMap(([list, values, prefix]) => values.map((code) => ({ list: pl.t(list), code, label: pl.t(`${prefix}${code}` as MessageKey) }))),
    },
  ]);
}
