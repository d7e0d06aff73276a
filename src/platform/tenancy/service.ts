import { z } from 'zod';
import type { Database } from '../db/types';
import { validationError, type FieldErrors } from '../http/errors';
import { parse, requiredText } from '../http/validation';
import { municipalities, type MunicipalityRow } from './repository';
import { slugProblem } from './slug';
import { isValidTeryt } from './teryt';

const schema = z.object({
  name: requiredText(200),
  teryt: z.string().trim(),
  slug: z.string().trim().toLowerCase(),
  cusName: requiredText(200),
});

export type NewMunicipality = z.input<typeof schema>;

/** Platform operator only: runs as the table owner (the application role cannot create tenants). */
export async function createMunicipality(db: Database, input: NewMunicipality): Promise<MunicipalityRow> {
  const m = parse(schema, input);
  const fields: FieldErrors = {};
  if (!isValidTeryt(m.teryt)) fields.teryt = { code: 'teryt' };
  const slug = slugProblem(m.slug);
  if (slug) fields.slug = { code: slug };
  if (Object.keys(fields).length) throw validationError(fields);
  return db.ownerTx(async (sql) => {
    const taken = await municipalities.conflicts(sql, m.slug, m.teryt);
    if (taken.slug || taken.teryt) {
      throw validationError({ ...(taken.slug ? { slug: { code: 'taken' } } : {}), ...(taken.teryt ? { teryt: { code: 'taken' } } : {}) });
    }
    return municipalities.insert(sql, m);
  });
}
