import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { PUBLIC } from '../../platform/auth/access';
import { submitForm } from '../../platform/http/forms';
import { parse } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { ANSWER_FIELDS, answerFromSituations, DISABILITY_ANSWERS, INCOME_ANSWERS, RESIDENCE_ANSWERS, WORK_ANSWERS, YES_NO, evaluateServices, type Answers } from './eligibility';
import { isSituation, SITUATIONS } from './domain';
import { catalog } from './repository';
import { EligibilityFormPage, EligibilityResultPage } from './views/eligibility';
import { tenantOf } from '../../platform/http/route-context';

type M = { municipality: string };

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const wholeNumber = (min: number, max: number, code: string) =>
  z.preprocess(
    blank,
    z
      .string()
      .refine((s) => /^\d{1,3}$/.test(s) && Number(s) >= min && Number(s) <= max, { params: { code } })
      .transform(Number)
      .optional(),
  );
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blank, z.enum(values).optional());
/** Ticked boxes (several fields of one name), or the hidden field of the result page (comma-separated). */
const ticked = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : []).map((s) => String(s).trim()).filter(Boolean),
  z.array(z.string()).max(SITUATIONS.length).refine((list) => list.every(isSituation), { params: { code: 'directory_choice' } }),
);

const answersSchema = z
  .object({
    situations: ticked,
    age: wholeNumber(0, 130, 'eligibility_age'),
    residence: choice(RESIDENCE_ANSWERS),
    household_size: wholeNumber(1, 20, 'eligibility_household_size'),
    children: choice(YES_NO),
    income: choice(INCOME_ANSWERS),
    disability: choice(DISABILITY_ANSWERS),
    carer: choice(YES_NO),
    work: choice(WORK_ANSWERS),
  })
  .refine((a) => !(a.household_size === 1 && a.children === 'yes'), { path: ['children'], params: { code: 'eligibility_children_single' } })
  .transform(({ household_size, situations, ...rest }): Answers =>
    answerFromSituations({
      ...rest,
      householdSize: household_size,
      situations: [...new Set(situations.filter(isSituation))],
    }),
  );

/** The answers as form values: for the hidden fields of the result page and for "change answers". */
function answerValues(a: Answers): Record<string, string> {
  const values: Record<string, string | undefined> = {
    situations: a.situations?.length ? a.situations.join(',') : undefined,
    age: a.age?.toString(),
    residence: a.residence,
    household_size: a.householdSize?.toString(),
    children: a.children,
    income: a.income,
    disability: a.disability,
    carer: a.carer,
    work: a.work,
  };
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Only the questionnaire's own fields, as typed (never the CSRF token or anything else posted). */
const typedValues = (body: unknown): Record<string, string> => {
  const b = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    ANSWER_FIELDS.flatMap((f) => {
      const v = b[f];
      if (typeof v === 'string') return [[f, v]];
      return Array.isArray(v) && v.every((x) => typeof x === 'string') ? [[f, v.join(',')]] : [];
    }),
  );
};

/**
 * The anonymous "what can I get" check. Nothing is written: the services are read, the answers
 * evaluated in memory and sent back in the page. Answers travel only in POST bodies — never in a
 * URL — and Fastify's request log records the method and URL, never the body.
 */
export async function eligibilityRoutes(app: FastifyInstance, { db }: ModuleContext): Promise<void> {
  const open = { config: { access: PUBLIC } };

  const renderForm = (reply: FastifyReply, form: FormState, status = 200) => reply.page((ctx) => <EligibilityFormPage ctx={ctx} form={form} />, status);

  app.get<{ Params: M }>('/:municipality/check', open, (_request, reply) => renderForm(reply, emptyForm()));

  app.post<{ Params: M }>('/:municipality/check', open, (request, reply) =>
    submitForm(request, reply, {
      run: async () => {
        const step = (request.body as { step?: unknown } | undefined)?.step;
        if (step === 'edit') return renderForm(reply, emptyForm(typedValues(request.body)));
        const answers = parse(answersSchema, request.body);
        const municipalityId = tenantOf(request).municipality.id;
        const services = await db.tx(request.dbContext(), (sql) => catalog.activeServices(sql, municipalityId));
        const results = evaluateServices(services, answers);
        return reply.page((ctx) => (
          <EligibilityResultPage ctx={ctx} results={results} answers={answers} values={answerValues(answers)} print={step === 'print'} checkedAt={new Date()} />
        ));
      },
      rerender: (form, status) => renderForm(reply, { ...form, values: typedValues(request.body) }, status),
    }),
  );
}
