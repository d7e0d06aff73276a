import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/ui/context';
import { Form } from '../../../platform/ui/forms';
import type { ItemKind, Move, PlanContents, PlanRow } from '../domain';
import { DeadlineText } from './common';

/** Where a draft's items are edited: the plan's address and the version every change names. */
export interface Editing {
  base: string;
  version: number;
}

function ItemButton(props: { ctx: PageContext; action: string; version: number; label: string; name: string; move?: Move }) {
  return (
    <Form ctx={props.ctx} action={props.action} class="inline-form">
      <input type="hidden" name="version" value={String(props.version)} />
      {props.move ? <input type="hidden" name="move" value={props.move} /> : null}
      <button type="submit" class="secondary small">
        {props.label}
        <span class="visually-hidden">: {props.name}</span>
      </button>
    </Form>
  );
}

/** Edit, move up / down (plain forms: keyboard, no JavaScript) and remove, each naming the item for screen readers. */
function Controls(props: { ctx: PageContext; editing: Editing | null; kind: ItemKind; id: string; name: string; first: boolean; last: boolean }) {
  const { ctx, editing: e } = props;
  if (!e) return null;
  const { t } = ctx.i18n;
  const item = `${e.base}/${props.kind}/${props.id}`;
  const ordered = props.kind !== 'reviews';
  return (
    <div class="admin-actions">
      <a href={`${item}/edit`}>
        {t('care_plan.item.edit')}
        <span class="visually-hidden">: {props.name}</span>
      </a>{' '}
      {ordered && !props.first ? <ItemButton ctx={ctx} action={`${item}/move`} version={e.version} label={t('care_plan.move.up')} name={props.name} move="up" /> : null}{' '}
      {ordered && !props.last ? <ItemButton ctx={ctx} action={`${item}/move`} version={e.version} label={t('care_plan.move.down')} name={props.name} move="down" /> : null}{' '}
      <a href={`${item}/delete`}>
        {t('care_plan.item.remove')}
        <span class="visually-hidden">: {props.name}</span>
      </a>
    </div>
  );
}

function Section(props: { ctx: PageContext; kind: ItemKind; editing: Editing | null; empty: boolean; children: ComponentChildren }) {
  const { t } = props.ctx.i18n;
  return (
    <section aria-labelledby={`f-${props.kind}`}>
      <h2 id={`f-${props.kind}`} tabIndex={-1}>
        {t(`care_plan.${props.kind}`)}
      </h2>
      {props.empty ? <p class="admin-empty">{t('care_plan.none')}</p> : props.children}
      {props.editing ? (
        <p>
          <a class="admin-add" href={`${props.editing.base}/${props.kind}/new`}>
            {t(`care_plan.add.${props.kind}`)}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** The plan's contents in the order of the law's plan: situation, goals, services, commitments, reviews, then monitoring and closing. */
export function PlanSections(props: { ctx: PageContext; plan: PlanRow; contents: PlanContents; editing: Editing | null; today: string }) {
  const { ctx, plan, contents: c, editing } = props;
  const { t, date, dateTime } = ctx.i18n;
  const last = (i: number, list: unknown[]) => i === list.length - 1;
  return (
    <>
      <h2>{t('care_plan.situation')}</h2>
      {plan.situation ? <p class="prewrap">{plan.situation}</p> : <p class="admin-empty">{t('care_plan.none')}</p>}
      <Section ctx={ctx} kind="goals" editing={editing} empty={c.goals.length === 0}>
        <ol class="plan-manage">
          {c.goals.map((g, i) => (
            <li id={`goals-${g.id}`}>
              <p class="prewrap">{g.description}</p>
              {g.measure ? <p class="prewrap muted">{t('care_plan.measure_text', { measure: g.measure })}</p> : null}
              <Controls ctx={ctx} editing={editing} kind="goals" id={g.id} name={g.description.slice(0, 60)} first={i === 0} last={last(i, c.goals)} />
            </li>
          ))}
        </ol>
      </Section>
      <Section ctx={ctx} kind="services" editing={editing} empty={c.services.length === 0}>
        <ol class="plan-manage">
          {c.services.map((s, i) => (
            <li id={`services-${s.id}`}>
              <p>
                <strong>{s.description}</strong>
                {s.service_name ? <span class="muted"> ({t('care_plan.from_catalogue', { name: s.service_name })})</span> : null}
              </p>
              <p>{t('care_plan.service_line', { frequency: s.frequency, provider: s.provider_label })}</p>
              <Controls ctx={ctx} editing={editing} kind="services" id={s.id} name={s.description.slice(0, 60)} first={i === 0} last={last(i, c.services)} />
            </li>
          ))}
        </ol>
      </Section>
      <Section ctx={ctx} kind="commitments" editing={editing} empty={c.commitments.length === 0}>
        <ol class="plan-manage">
          {c.commitments.map((m, i) => (
            <li id={`commitments-${m.id}`}>
              <p class="prewrap">
                {m.description}
                {m.due_on ? <span> — {t('care_plan.due_by', { date: date(m.due_on) })}</span> : null}
              </p>
              <Controls ctx={ctx} editing={editing} kind="commitments" id={m.id} name={m.description.slice(0, 60)} first={i === 0} last={last(i, c.commitments)} />
            </li>
          ))}
        </ol>
      </Section>
      <Section ctx={ctx} kind="reviews" editing={editing} empty={c.reviews.length === 0}>
        <ul class="plan-manage">
          {c.reviews.map((r) => (
            <li id={`reviews-${r.id}`}>
              {r.done_at ? (
                <p>
                  {date(r.review_on)} — {t('care_plan.review.done_by', { when: dateTime(r.done_at), who: r.done_by_name ?? '—' })}
                  {r.note ? <span class="prewrap">: {r.note}</span> : null}
                </p>
              ) : (
                <p>
                  <DeadlineText ctx={ctx} day={r.review_on} today={props.today} />
                </p>
              )}
              <Controls ctx={ctx} editing={editing} kind="reviews" id={r.id} name={date(r.review_on)} first last />
            </li>
          ))}
        </ul>
      </Section>
      {c.notes.length ? (
        <>
          <h2 id="notes">{t('care_plan.notes')}</h2>
          <ul>
            {c.notes.map((n) => (
              <li>
                <p>
                  <strong>{date(n.noted_on)}</strong> — {n.author_name ?? '—'}
                </p>
                <p class="prewrap">{n.body}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.status === 'closed' ? (
        <>
          <h2>{t('care_plan.closing')}</h2>
          <p>{t('care_plan.closed_interview', { date: date(plan.final_interview_on!) })}</p>
          <p class="prewrap">{plan.final_summary}</p>
        </>
      ) : null}
    </>
  );
}
