import { toCsv } from '../../platform/export/csv';
import { renderXlsx } from '../../platform/export/xlsx';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import type { AwardedGrant } from './repository';

/**
 * Awarded grants as open data (ADR 0032): a 360Giving Data Standard 1.4 package, and the same grants
 * as CSV and XLSX. Organisations are named by org-id.guide identifiers: PL-KRS (the National Court
 * Register), else PL-REGON, else PL-NIP; an organisation without any (an informal group) and the
 * funder, which the registry gives no number, by the platform's own 360G prefix with the TERYT code.
 */
export const PUBLISHER_PREFIX = '360G-wspolnota';
export const funderId = (m: MunicipalityRow) => `${PUBLISHER_PREFIX}-teryt-${m.teryt}`;

export function recipientId(m: MunicipalityRow, g: Pick<AwardedGrant, 'krs' | 'regon' | 'nip' | 'organisation_id'>): string {
  if (g.krs) return `PL-KRS-${g.krs}`;
  if (g.regon) return `PL-REGON-${g.regon}`;
  if (g.nip) return `PL-NIP-${g.nip}`;
  return `${funderId(m)}-org-${g.organisation_id}`;
}

export const grantId = (m: MunicipalityRow, g: Pick<AwardedGrant, 'offer_id'>) => `${funderId(m)}-${g.offer_id}`;
const zl = (grosze: number) => grosze / 100;
const day = (d: Date) => new Date(d).toISOString().slice(0, 10);

function plannedDates(g: AwardedGrant) {
  const from = g.schedule.map((s) => s.from).filter(Boolean).sort();
  const to = g.schedule.map((s) => s.to).filter(Boolean).sort();
  return from.length > 0 && to.length > 0 ? [{ startDate: from[0]!, endDate: to[to.length - 1]! }] : undefined;
}

export function threeSixtyGiving(m: MunicipalityRow, grants: AwardedGrant[], publicUrl: string) {
  return {
    version: '1.4',
    title: `Dotacje ${m.cus_name} (${m.name})`,
    description: `Dotacje przyznane w otwartych konkursach ofert: ${m.cus_name}.`,
    issued: new Date().toISOString(),
    grants: grants.map((g) => {
      const dates = plannedDates(g);
      return {
        id: grantId(m, g),
        title: g.offer_title || g.call_title,
        description: g.task_description || g.call_title,
        currency: 'PLN',
        amountAppliedFor: zl(g.requested),
        amountAwarded: zl(g.amount),
        awardDate: day(g.decided_at),
        ...(dates ? { plannedDates: dates } : {}),
        url: `${publicUrl}/${m.slug}/grants/calls/${g.call_id}`,
        fromOpenCall: 'Yes',
        recipientOrganization: [
          {
            id: recipientId(m, g),
            name: g.organisation_name,
            ...(g.krs ? { companyNumber: g.krs } : {}),
            ...(g.street ? { streetAddress: g.street } : {}),
            ...(g.city ? { addressLocality: g.city } : {}),
            ...(g.postal_code ? { postalCode: g.postal_code } : {}),
            addressCountry: 'PL',
          },
        ],
        fundingOrganization: [{ id: funderId(m), name: m.cus_name }],
        grantProgramme: [{ code: `${funderId(m)}-call-${g.call_number}`, title: g.call_title }],
        classifications: [{ vocabulary: 'art. 4 ustawy o działalności pożytku publicznego i o wolontariacie', code: g.sphere, title: g.sphere }],
        dateModified: new Date(g.results_published_at).toISOString(),
      };
    }),
  };
}

export const GRANT_COLUMNS = ['id', 'call_number', 'call_title', 'sphere', 'title', 'recipient_id', 'recipient_name', 'krs', 'regon', 'amount_applied_for', 'amount_awarded', 'currency', 'award_date'] as const;

function rowOf(m: MunicipalityRow, g: AwardedGrant): Record<(typeof GRANT_COLUMNS)[number], string | number> {
  return {
    id: grantId(m, g), call_number: g.call_number, call_title: g.call_title, sphere: g.sphere, title: g.offer_title, recipient_id: recipientId(m, g), recipient_name: g.organisation_name,
    krs: g.krs ?? '', regon: g.regon ?? '', amount_applied_for: zl(g.requested), amount_awarded: zl(g.amount), currency: 'PLN', award_date: day(g.decided_at),
  };
}

export function grantsCsv(m: MunicipalityRow, grants: AwardedGrant[]): string {
  return toCsv(grants.map((g) => { const r = rowOf(m, g); return GRANT_COLUMNS.map((k) => String(r[k])); }), { columns: GRANT_COLUMNS });
}

export function grantsXlsx(m: MunicipalityRow, grants: AwardedGrant[], sheet: string): Promise<Buffer> {
  return renderXlsx([{
    name: sheet,
    columns: GRANT_COLUMNS.map((k) => ({ key: k, header: k, width: k.includes('title') || k.includes('name') ? 44 : 18 })),
    rows: grants.map((g) => rowOf(m, g)),
    textColumns: ['id', 'recipient_id', 'krs', 'regon', 'award_date'],
  }]);
}
