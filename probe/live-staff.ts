import type { Answer, Browser, Fields } from './live-browser';

/** The demo municipality the server seeds on its first start (src/seed/demo.ts). */
export const DEMO_SLUG = 'zyrardow';
export const DEMO_PASSWORD = 'Lniany-Szlak-Żyrardów-2026';
/** Demo staff who may edit the catalogue (catalog.manage, no TOTP needed for it). */
export const CATALOG_EDITORS = ['koordynator@zyrardow.example', 'dyrektor@zyrardow.example', 'administrator@zyrardow.example'];

export interface ServiceChoices {
  providerIds: string[];
  locationIds: string[];
}

const SERVICE_URL = new RegExp(`^/${DEMO_SLUG}/catalog/services/([0-9a-f-]{36})$`);

/** The providers and places the new-service form offers (the browser reads them off the page). */
export async function serviceChoices(browser: Browser): Promise<ServiceChoices> {
  const page = await browser.get(`/${DEMO_SLUG}/catalog/services/new`);
  if (page.status !== 200) throw new Error(`GET the new-service form: ${page.status}`);
  const select = /<select[^>]*\bname="provider_id"[^>]*>([\s\S]*?)<\/select>/.exec(page.body)?.[1] ?? '';
  const providerIds = [...select.matchAll(/<option value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
  const locationIds = [...page.body.matchAll(/name="location_ids"[^>]*\bvalue="([0-9a-f-]{36})"|value="([0-9a-f-]{36})"[^>]*name="location_ids"/g)].map((m) => (m[1] ?? m[2])!);
  if (!providerIds.length || !locationIds.length) throw new Error('the new-service form lists no providers or places');
  return { providerIds, locationIds };
}

/** A complete, valid service form as a coordinator would fill it in. */
export function serviceForm(name: string, summary: string, providerId: string, locationId: string): Fields {
  return {
    name,
    summary,
    description: 'Zajęcia w małych grupach, prowadzone przez instruktora.',
    area: 'health',
    target_groups: ['seniors'],
    languages: ['pl'],
    how_to_apply: 'Zapisy telefoniczne.',
    required_documents: '',
    eligibility: 'Mieszkańcy w wieku 60+.',
    min_age: '60',
    max_age: '',
    max_income: '',
    residence: '1',
    fee_kind: 'free',
    fee_amount: '',
    fee_rule: '',
    provider_id: providerId,
    location_ids: [locationId],
    capacity: '',
    capacity_period: '',
    contact_email: '',
    contact_phone: '',
    status: 'active',
  };
}

/** The id of the saved service when the answer acknowledges a save (303 to its edit page), else undefined. */
export function savedServiceId(answer: Answer): string | undefined {
  return answer.status === 303 ? SERVICE_URL.exec(answer.location ?? '')?.[1] : undefined;
}

export const createServiceUrl = `/${DEMO_SLUG}/catalog/services`;
export const serviceUrl = (id: string) => `/${DEMO_SLUG}/catalog/services/${id}`;
