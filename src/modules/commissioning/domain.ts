/** Commissioning public tasks: statuses, money in grosze, an offer's sums and the call's limits (pure). */

export const CALL_STATUSES = ['draft', 'published', 'resolved'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const OFFER_STATUSES = ['draft', 'submitted', 'withdrawn', 'formally_rejected', 'awarded', 'not_awarded'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export const DECISION_KINDS = ['formally_rejected', 'awarded', 'not_awarded'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
/** Art. 13 ust. 1 of the public benefit act: offers close at least 21 days after the call is published. */
export const MIN_CALL_DAYS = 21;
export const SOURCES = ['grant', 'own_financial', 'own_in_kind', 'volunteer'] as const;
export type Source = (typeof SOURCES)[number];

export interface Criterion { name: string; weight: number }
export interface CostLine { name: string; total: number; grant: number; own_financial: number; own_in_kind: number; volunteer: number }
export interface ScheduleRow { action: string; from: string; to: string }
export interface Partner { organisation_id: string; name: string; share_basis_points: number }

export interface CallRow {
  id: string;
  number: number;
  title: string;
  tasks: string;
  service_ids: string[];
  sphere: string;
  total_amount: number;
  grant_ceiling: number;
  min_own_basis_points: number;
  criteria: Criterion[];
  rules: string;
  status: CallStatus;
  published_at: Date | null;
  offers_close_at: Date;
  results_published_at: Date | null;
  version: number;
}

export interface OfferRow {
  id: string;
  call_id: string;
  organisation_id: string;
  organisation_name: string;
  partners: Partner[];
  title: string;
  task_description: string;
  schedule: ScheduleRow[];
  expected_results: string;
  cost_lines: CostLine[];
  status: OfferStatus;
  version: number;
  updated_at: Date;
}

/** "1 234,50" → 123450 grosze; null when it is not an amount. */
export function parseMoney(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0]/g, '').replace(/zł$/i, '').replace(',', '.');
  if (s === '') return 0;
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(s)) return null;
  const [zl, gr = ''] = s.split('.');
  return Number(zl) * 100 + Number(gr.padEnd(2, '0'));
}

/** 123450 → "1 234,50" (the form's value, and what pages show before "zł"). */
export function formatMoney(grosze: number): string {
  const sign = grosze < 0 ? '-' : '';
  const abs = Math.abs(grosze);
  const zl = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${zl},${String(abs % 100).padStart(2, '0')}`;
}

/** 1250 basis points → "12,5". */
export const formatPercent = (bp: number): string => (bp / 100).toLocaleString('pl-PL', { maximumFractionDigits: 2 });

export interface OfferSums {
  bySource: Record<Source, number>;
  total: number;
  /** Own contribution (financial, in kind, volunteer work) as basis points of the total; 0 for an empty offer. */
  ownBasisPoints: number;
}

export function offerSums(lines: CostLine[]): OfferSums {
  const bySource = { grant: 0, own_financial: 0, own_in_kind: 0, volunteer: 0 } as Record<Source, number>;
  for (const l of lines) for (const s of SOURCES) bySource[s] += l[s];
  const total = SOURCES.reduce((a, s) => a + bySource[s], 0);
  const own = total - bySource.grant;
  return { bySource, total, ownBasisPoints: total === 0 ? 0 : Math.floor((own * 10000) / total) };
}

/** A problem that stops submission, on a field of the form (its name) with a message code and its parameters. */
export interface OfferProblem { field: string; code: string; params?: Record<string, string | number> }

/** Everything the call's limits and the form's rules refuse, field by field — listed before submission. */
export function offerProblems(o: Pick<OfferRow, 'title' | 'task_description' | 'expected_results' | 'schedule' | 'cost_lines' | 'partners'>, call: Pick<CallRow, 'grant_ceiling' | 'min_own_basis_points'>): OfferProblem[] {
  const problems: OfferProblem[] = [];
  if (o.title.trim() === '') problems.push({ field: 'title', code: 'required' });
  if (o.task_description.trim() === '') problems.push({ field: 'task_description', code: 'required' });
  if (o.expected_results.trim() === '') problems.push({ field: 'expected_results', code: 'required' });
  if (o.schedule.length === 0) problems.push({ field: 'schedule_0_action', code: 'offer_schedule_empty' });
  if (o.cost_lines.length === 0) problems.push({ field: 'cost_0_name', code: 'offer_costs_empty' });
  o.cost_lines.forEach((l, i) => {
    const sum = l.grant + l.own_financial + l.own_in_kind + l.volunteer;
    if (sum !== l.total) problems.push({ field: `cost_${i}_total`, code: 'offer_line_sum', params: { line: i + 1, sum: formatMoney(sum), total: formatMoney(l.total) } });
  });
  const sums = offerSums(o.cost_lines);
  if (sums.bySource.grant > call.grant_ceiling) {
    problems.push({ field: 'grant_total', code: 'offer_over_ceiling', params: { grant: formatMoney(sums.bySource.grant), ceiling: formatMoney(call.grant_ceiling) } });
  }
  if (sums.total > 0 && sums.ownBasisPoints < call.min_own_basis_points) {
    problems.push({ field: 'own_total', code: 'offer_own_below_minimum', params: { own: formatPercent(sums.ownBasisPoints), minimum: formatPercent(call.min_own_basis_points) } });
  }
  const shares = o.partners.reduce((a, p) => a + p.share_basis_points, 0);
  if (o.partners.length > 0 && shares >= 10000) problems.push({ field: 'partner_0_share', code: 'offer_partner_shares' });
  return problems;
}

/** Whether offers are accepted at `at`: published, and not after the closing instant (to the millisecond of the server clock). */
export const acceptsOffers = (c: Pick<CallRow, 'status' | 'offers_close_at'>, at: Date): boolean => c.status === 'published' && at.getTime() <= new Date(c.offers_close_at).getTime();
