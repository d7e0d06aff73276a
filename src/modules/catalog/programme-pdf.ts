import { renderPdf, type Block, type PdfDocument } from '../../platform/export/pdf';
import type { Translator } from '../../platform/i18n';
import type { AreaGroup, ProgrammeDetails } from './programme-public';
import type { ProgrammeServiceRow } from './repository-programmes';
import { periodText, resolutionText, servicesCount } from './views/programme-format';
import { feeLabel, paragraphs } from './views/public-format';

export interface ProgrammePdfInput extends ProgrammeDetails {
  i18n: Translator;
  municipality: { name: string; cusName: string };
  /** The absolute address of a service's public page. */
  serviceUrl: (id: string) => string;
  now: Date;
  /** Uncompressed content streams (for inspecting the text in tests). */
  compress?: boolean;
}

/** "Label: value" with the label in bold. */
const line = (label: string, value: string): Block => ({ kind: 'paragraph', text: [{ text: `${label} `, bold: true }, { text: value }], spaceAfter: 2 });

/** A service never splits across pages: its name, summary, provider, fee, audience, how to apply and a link to its page. */
function service(input: ProgrammePdfInput, s: ProgrammeServiceRow): Block {
  const { t } = input.i18n;
  const url = input.serviceUrl(s.id);
  return {
    kind: 'section',
    keepTogether: true,
    blocks: [
      { kind: 'heading', level: 3, text: s.name },
      ...(s.summary ? [{ kind: 'paragraph', text: s.summary, spaceAfter: 4 } as const] : []),
      line(t('programme.provider'), s.provider_name),
      line(t('programme.fee'), feeLabel(input.i18n, s.fee_kind, s.fee_amount)),
      line(t('programme.for_whom'), s.target_groups.map((g) => t(`group.${g}`)).join(', ')),
      ...(s.how_to_apply ? [line(t('programme.how_to_apply'), s.how_to_apply)] : []),
      ...(s.status !== 'active' ? [line(t('programme.service_status'), t(`service_status.${s.status}`))] : []),
      { kind: 'paragraph', text: t('programme.pdf.details', { url }), link: url, spaceAfter: 10 },
    ],
  };
}

function area(input: ProgrammePdfInput, g: AreaGroup): Block[] {
  const { t } = input.i18n;
  return [
    { kind: 'heading', level: 2, text: `${t(`area.${g.area}`)} (${servicesCount(input.i18n, g.services.length)})`, contents: true },
    ...(g.services.length ? g.services.map((s) => service(input, s)) : [{ kind: 'paragraph', text: t('programme.area_empty'), style: 'empty' } as const]),
  ];
}

function titlePage(input: ProgrammePdfInput): Block[] {
  const { i18n, programme: p } = input;
  const { t } = i18n;
  return [
    { kind: 'paragraph', text: input.municipality.cusName, style: 'kicker', spaceBefore: 80 },
    { kind: 'heading', level: 1, text: p.name },
    {
      kind: 'facts',
      rows: [
        [t('programme.pdf.municipality'), input.municipality.name],
        [t('programme.pdf.cus'), input.municipality.cusName],
        [t('programme.period'), periodText(i18n, p)],
        [t('programme.status'), t(`programme_status.${p.status}`)],
        [t('programme.resolution'), resolutionText(i18n, p)],
        [t('programme.services'), servicesCount(i18n, p.service_count)],
      ],
    },
    ...paragraphs(p.description).map((d): Block => ({ kind: 'paragraph', text: d })),
    { kind: 'paragraph', text: t('programme.pdf.generated', { date: i18n.dateTime(input.now) }), style: 'muted', spaceBefore: 18 },
  ];
}

/** The programme as a document: title page, contents by area, then the areas in the act's order. */
export function programmeDocument(input: ProgrammePdfInput): PdfDocument {
  const { i18n, programme: p } = input;
  const { t } = i18n;
  return {
    title: p.name,
    lang: i18n.locale === 'pl' ? 'pl-PL' : 'en-GB',
    author: input.municipality.cusName,
    subject: t('programme.pdf.subject'),
    margins: [56, 56, 56, 64],
    fontSize: 10,
    headingSizes: [22, 14, 11],
    compress: input.compress ?? true,
    footer: t('programme.pdf.page', { page: '{page}', pages: '{pages}' }),
    blocks: [
      ...titlePage(input),
      { kind: 'pageBreak' },
      { kind: 'heading', level: 2, text: t('programme.contents') },
      { kind: 'contents' },
      { kind: 'paragraph', text: t('programme.contents_intro'), style: 'muted', spaceBefore: 8 },
      { kind: 'pageBreak' },
      ...input.areas.flatMap((g) => area(input, g)),
    ],
  };
}

/** Renders the programme to PDF bytes. */
export async function programmePdf(input: ProgrammePdfInput): Promise<Buffer> {
  return renderPdf(programmeDocument(input));
}
