import { z } from 'zod';
import { requiredText, text } from '../../../platform/http/validation';
import type { FormState } from '../../../platform/ui/context';
import { PROGRAMME_STATUSES, type ProgrammeStatus } from '../domain';
import { choice, idList, optionalDay, parseFields, requiredDay } from './parse';

/** The programme form: the council's social services programme for a period, and the services it includes. */

export interface ProgrammeInput {
  name: string;
  period_from: string;
  period_to: string;
  resolution_number: string;
  resolution_date: string | null;
  status: ProgrammeStatus;
  description: string;
  service_ids: string[];
}

export interface ProgrammeRow extends Omit<ProgrammeInput, 'service_ids'> {
  id: string;
  version: number;
  updated_at: Date;
}

const fields = {
  name: requiredText(300).pipe(z.string().min(3)),
  period_from: requiredDay(),
  period_to: requiredDay(),
  resolution_number: text(100),
  resolution_date: optionalDay(),
  status: choice(PROGRAMME_STATUSES),
  description: text(10_000),
  service_ids: idList(),
};

export function parseProgrammeForm(body: unknown): ProgrammeInput {
  return parseFields(fields, body, (p, fail) => {
    if (p.period_from && p.period_to && p.period_from > p.period_to) fail('period_to', 'period_range');
    // A programme is adopted by a council resolution: it needs the resolution's number and date.
    if (p.status === 'adopted' || p.status === 'expired') {
      if (p.resolution_number === '') fail('resolution_number', 'resolution_required');
      if (p.resolution_date === null) fail('resolution_date', 'resolution_required');
    }
  });
}

/** The status moves forward only: draft → consultation → adopted → expired (a step may be skipped). */
export const statusMayMove = (from: ProgrammeStatus, to: ProgrammeStatus) => PROGRAMME_STATUSES.indexOf(to) >= PROGRAMME_STATUSES.indexOf(from);

export const programmeToValues = (p: ProgrammeRow, serviceIds: string[]): FormState['values'] => ({
  name: p.name,
  period_from: p.period_from,
  period_to: p.period_to,
  resolution_number: p.resolution_number,
  resolution_date: p.resolution_date ?? '',
  status: p.status,
  description: p.description,
  service_ids: serviceIds,
  version: String(p.version),
});
