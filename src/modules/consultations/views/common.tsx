import type { MessageKey } from '../../../platform/i18n';
import type { PageContext } from '../../../platform/ui/context';
import { phaseOf, shownAuthor, wordDiff, type Audience, type ConsultationForm, type ConsultationRow, type Position, type RemarkSource } from '../domain';
import type { ShownRemark } from '../service';
import type { RemarksPage } from '../service-pages';

export const consultationsBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/consultations`;
export const audienceLabel = (ctx: PageContext, a: Audience) => ctx.i18n.t(`consultations.audience.${a}` as MessageKey);
export const formLabel = (ctx: PageContext, f: ConsultationForm) => ctx.i18n.t(`consultations.form.${f}` as MessageKey);
export const positionLabel = (ctx: PageContext, p: Position) => ctx.i18n.t(`consultations.position.${p}` as MessageKey);
export const sourceLabel = (ctx: PageContext, s: RemarkSource) => ctx.i18n.t(`consultations.remark.source.${s}` as MessageKey);
export const phaseLabel = (ctx: PageContext, c: ConsultationRow) => ctx.i18n.t(`consultations.phase.${phaseOf(c)}` as MessageKey);
export const period = (ctx: PageContext, c: ConsultationRow) => ctx.i18n.t('consultations.period', { from: ctx.i18n.dateTime(c.opens_at), to: ctx.i18n.dateTime(c.closes_at) });
export const whoOf = (ctx: PageContext, r: ShownRemark) => shownAuthor(r, ctx.i18n.t('consultations.remark.anonymous'));

/** A word diff as text with <del>/<ins>, each run also said in words for screen readers. */
export function Diff(props: { ctx: PageContext; before: string; after: string }) {
  const { t } = props.ctx.i18n;
  return (
    <p class="prewrap diff">
      {wordDiff(props.before, props.after).map((p) =>
        p.kind === 'same' ? (
          p.text
        ) : p.kind === 'added' ? (
          <ins>
            <span class="visually-hidden">{t('consultations.remark.added_text')}</span>
            {p.text}
          </ins>
        ) : (
          <del>
            <span class="visually-hidden">{t('consultations.remark.removed_text')}</span>
            {p.text}
          </del>
        ),
      )}
    </p>
  );
}

/** One remark: who (or "anonimowo"), the quote, the content, the proposal as a diff, the centre's position; hidden ones say why. */
export function Remark(props: { ctx: PageContext; remark: ShownRemark; partBody?: string; staff?: boolean; level?: 'h3' | 'h4' }) {
  const { ctx, remark: r } = props;
  const { t } = ctx.i18n;
  const hiddenForAll = r.hidden_at !== null;
  return (
    <article class="result remark" id={`remark-${r.id}`}>
      <p>
        <strong>{t('consultations.remark.by', { who: whoOf(ctx, r) })}</strong> {r.mine ? t('consultations.remark.mine') : null} · {sourceLabel(ctx, r.source)} ·{' '}
        {r.received_on ? ctx.i18n.date(r.received_on) : ctx.i18n.dateTime(r.created_at)}
      </p>
      {hiddenForAll ? <p class="notice">{t('consultations.remark.hidden', { reason: r.hidden_reason })}</p> : null}
      {!hiddenForAll || props.staff ? (
        <>
          {r.quote ? (
            <blockquote>
              <span class="visually-hidden">{t('consultations.remark.quote')}: </span>„{r.quote}”
            </blockquote>
          ) : null}
          <p class="prewrap">{r.content}</p>
          {r.proposal ? (
            <div>
              <p>
                <strong>{t('consultations.remark.proposal')}</strong>
              </p>
              {props.partBody !== undefined ? (
                <>
                  <p class="hint">{t('consultations.remark.proposal_diff')}</p>
                  <Diff ctx={ctx} before={props.partBody} after={r.proposal} />
                </>
              ) : (
                <p class="prewrap">{r.proposal}</p>
              )}
            </div>
          ) : null}
        </>
      ) : null}
      {r.position ? (
        <p>
          <strong>{t('consultations.remark.position')}:</strong> {positionLabel(ctx, r.position)}
          {r.reasons ? <span class="prewrap"> — {r.reasons}</span> : null}
        </p>
      ) : null}
    </article>
  );
}

/** Links between pages of remarks (no JavaScript): back to the first page, and on to the next; `href` is the list's address, `#anchor` kept. */
export function RemarksPager(props: { ctx: PageContext; page: RemarksPage; href: string; anchor?: string }) {
  const { ctx, page } = props;
  const { t } = ctx.i18n;
  if (!page.next && !page.later) return null;
  const hash = props.anchor ? `#${props.anchor}` : '';
  return (
    <nav class="pager" aria-label={t('consultations.pager.label')}>
      <ul>
        {page.later ? (
          <li>
            <a href={`${props.href}${hash}`}>{t('consultations.pager.first')}</a>
          </li>
        ) : null}
        {page.next ? (
          <li>
            <a href={`${props.href}?after=${page.next}${hash}`} rel="next">
              {t('consultations.pager.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
