import { z } from 'zod';

/**
 * Structured eligibility criteria, stored as JSON on a service and evaluated by the anonymous
 * "what can I get" check. All criteria of a service must hold. New kinds are added here.
 */
export const criterionSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('age'), min: z.number().int().min(0).max(130).optional(), max: z.number().int().min(0).max(130).optional() })
    .refine((c) => c.min !== undefined || c.max !== undefined, { params: { code: 'age_range_empty' } })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, { params: { code: 'age_range' } }),
  /** Lives in the municipality. */
  z.object({ type: z.literal('residence') }),
  /** Net monthly household income per person, in złoty, at most `max`. */
  z.object({ type: z.literal('income_per_person'), max: z.number().positive().max(100_000) }),
  /** Holds a disability certificate (orzeczenie o niepełnosprawności lub stopniu niepełnosprawności). */
  z.object({ type: z.literal('disability_certificate') }),
  /** Cares for a dependent person. */
  z.object({ type: z.literal('carer') }),
  /** The household includes children under 18. */
  z.object({ type: z.literal('household_with_children') }),
  /** Registered as unemployed or not working. */
  z.object({ type: z.literal('unemployed') }),
]);

export type Criterion = z.infer<typeof criterionSchema>;
export const criteriaSchema = z.array(criterionSchema).max(20);
export type CriterionType = Criterion['type'];
