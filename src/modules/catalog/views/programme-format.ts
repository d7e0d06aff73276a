import type { Translator } from '../../../platform/i18n';
import type { PublicProgrammeRow } from '../repository-programmes';

/** "od 1 stycznia 2026 do 31 grudnia 2027". */
export function periodText(i18n: Translator, p: Pick<PublicProgrammeRow, 'period_from' | 'period_to'>): string {
  return i18n.t('programme.period_value', { from: i18n.date(p.period_from), to: i18n.date(p.period_to) });
}

/** "nr XIV/128/2025 z dnia 27 listopada 2025", or that there is no resolution yet. */
export function resolutionText(i18n: Translator, p: Pick<PublicProgrammeRow, 'resolution_number' | 'resolution_date'>): string {
  if (!p.resolution_number) return i18n.t('programme.no_resolution');
  return p.resolution_date
    ? i18n.t('programme.resolution_value', { number: p.resolution_number, date: i18n.date(p.resolution_date) })
    : i18n.t('programme.resolution_number', { number: p.resolution_number });
}

/** "1 usługa", "3 usługi", "20 usług": the plural form the language needs. */
export function servicesCount(i18n: Translator, n: number): string {
  return i18n.t('programme.services_count', { count: n });
}
