import type { FormState } from '../../../platform/ui/context';
import type { CostLine } from '../domain';
import { CHECKS, type ProposalRow, type VerificationRow } from '../proposals-domain';
import { lineAmount, lineItem } from '../proposals-form';

/** Saved rows as form values (what an edit form starts from). */

export function proposalToValues(p: ProposalRow, lines: readonly CostLine[]): FormState['values'] {
  const values: FormState['values'] = { pool_id: p.pool_id, title: p.title, description: p.description, place: p.place, version: String(p.version) };
  lines.forEach((l, i) => {
    values[lineItem(i)] = l.item;
    values[lineAmount(i)] = String(l.amount);
  });
  return values;
}

export function verificationToValues(v: VerificationRow | null): FormState['values'] {
  if (!v) return {};
  const values: FormState['values'] = { version: String(v.version) };
  for (const c of CHECKS) {
    const ok = v[`${c}_ok`];
    values[`${c}_ok`] = ok === null ? '' : ok ? 'yes' : 'no';
    values[`${c}_reason`] = v[`${c}_reason`];
  }
  return values;
}
