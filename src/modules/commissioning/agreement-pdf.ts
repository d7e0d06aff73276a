import { renderPdf, type Block, type PdfDocument } from '../../platform/export/pdf';
import type { Translator } from '../../platform/i18n';
import { annexNumber } from './agreements-domain';
import { formatMoney, formatPercent, offerSums, SOURCES } from './domain';
import type { AgreementView } from './service-agreements';

export interface AgreementPdfInput {
  view: AgreementView;
  i18n: Translator;
  municipality: { name: string; cusName: string };
  compress?: boolean;
}

const zl = (t: Translator['t'], grosze: number) => t('commissioning.money', { amount: formatMoney(grosze) });

/**
 * The agreement for signature on the 2018 framework template's structure (ADR 0038): the parties from the
 * registry, the task, the period, the grant and contributions, the schedule and the budget of the version
 * shown (an annex says so), the report's deadline, and lines to sign on. A tagged PDF through the platform.
 */
export function agreementDocument(input: AgreementPdfInput): PdfDocument {
  const { view, i18n } = input;
  const { t } = i18n;
  const a = view.agreement;
  const v = view.shown;
  const org = view.organisation;
  const sums = offerSums(v.cost_lines);
  const title = t('agreement.pdf.title', { number: a.number });
  const ids = [org.krs ? `KRS ${org.krs}` : '', org.nip ? `NIP ${org.nip}` : '', org.regon ? `REGON ${org.regon}` : ''].filter(Boolean).join(', ');
  const address = [org.street, [org.postal_code, org.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const annex = v.kind === 'annex' ? annexNumber(view.versions, v.number) : 0;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: title },
    ...(v.kind === 'annex' ? [{ kind: 'paragraph', text: t('agreement.pdf.annex_notice', { annex, version: v.number }), style: 'notice' } as const] : []),
    ...(v.kind === 'update' ? [{ kind: 'paragraph', text: t('agreement.pdf.update_notice'), style: 'notice' } as const] : []),
    { kind: 'paragraph', text: t('agreement.pdf.preamble', { date: a.signed_on ? i18n.date(a.signed_on) : '……………………', municipality: input.municipality.name, organisation: org.name, ids: ids || '—', address: address || '—' }) },
    { kind: 'heading', level: 2, text: t('agreement.pdf.s1') },
    { kind: 'paragraph', text: t('agreement.pdf.s1_text', { task: a.task, call: a.call_title }) },
    { kind: 'heading', level: 2, text: t('agreement.pdf.s2') },
    { kind: 'paragraph', text: t('agreement.pdf.s2_text', { from: i18n.date(a.period_from), to: i18n.date(a.period_to) }) },
    { kind: 'heading', level: 2, text: t('agreement.pdf.s3') },
    {
      kind: 'facts',
      rows: [
        [t('agreement.field.grant'), zl(t, a.grant_amount)],
        [t('commissioning.offer.sum.own_financial'), zl(t, sums.bySource.own_financial)],
        [t('commissioning.offer.sum.own_in_kind'), zl(t, sums.bySource.own_in_kind)],
        [t('commissioning.offer.sum.volunteer'), zl(t, sums.bySource.volunteer)],
        [t('commissioning.offer.sum.total'), zl(t, sums.total)],
        [t('commissioning.offer.sum.own_share'), t('commissioning.percent', { value: formatPercent(sums.ownBasisPoints) })],
      ],
    },
    { kind: 'heading', level: 2, text: t('commissioning.offer.schedule') },
    { kind: 'table', header: [t('commissioning.offer.field.action'), t('agreement.col.from'), t('agreement.col.to')], widths: ['*', 'auto', 'auto'], rows: v.schedule.map((s) => [s.action, s.from, s.to]) },
    { kind: 'heading', level: 2, text: t('commissioning.offer.costs') },
    {
      kind: 'table',
      header: [t('commissioning.offer.field.cost_name'), t('commissioning.offer.field.total'), ...SOURCES.map((k) => t(`commissioning.offer.field.${k}`))],
      widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
      rows: v.cost_lines.map((l) => [l.name, formatMoney(l.total), ...SOURCES.map((k) => formatMoney(l[k]))]),
    },
    { kind: 'heading', level: 2, text: t('agreement.pdf.s4') },
    { kind: 'paragraph', text: t('agreement.pdf.s4_text', { due: i18n.date(view.due) }) },
    { kind: 'heading', level: 2, text: t('agreement.pdf.s5') },
    { kind: 'paragraph', text: t('agreement.pdf.s5_text') },
    { kind: 'signatures', slots: [{ role: t('agreement.pdf.principal'), name: input.municipality.name }, { role: t('agreement.pdf.contractor'), name: org.leader_name || org.name }] },
  ];
  return {
    title,
    lang: i18n.locale === 'pl' ? 'pl-PL' : 'en-GB',
    author: input.municipality.cusName,
    subject: a.task,
    compress: input.compress ?? true,
    footer: t('agreement.pdf.page', { page: '{page}', pages: '{pages}' }),
    blocks,
  };
}

export const agreementPdf = (input: AgreementPdfInput): Promise<Buffer> => renderPdf(agreementDocument(input));
