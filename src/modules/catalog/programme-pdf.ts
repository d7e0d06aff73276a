import type { Content } from 'pdfmake/interfaces';
import { renderPdf, type PdfDocument } from '../../platform/export/pdf';
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
const line = (label: string, value: string): Content => ({ text: [{ text: `${label} `, bold: true }, value], margin: [0, 0, 0, 2] });

function service(input: ProgrammePdfInput, s: ProgrammeServiceRow): Content {
  const { t } = input.i18n;
  const url = input.serviceUrl(s.id);
  return {
    unbreakable: true,
    margin: [0, 0, 0, 10],
    stack: [
      { text: s.name, style: 'service' },
      ...(s.summary ? [{ text: s.summary, margin: [0, 0, 0, 4] } as Content] : []),
      line(t('programme.provider'), s.provider_name),
      line(t('programme.fee'), feeLabel(input.i18n, s.fee_kind, s.fee_amount)),
      line(t('programme.for_whom'), s.target_groups.map((g) => t(`group.${g}`)).join(', ')),
      ...(s.how_to_apply ? [line(t('programme.how_to_apply'), s.how_to_apply)] : []),
      ...(s.status !== 'active' ? [line(t('programme.service_status'), t(`service_status.${s.status}`))] : []),
      { text: t('programme.pdf.details', { url }), link: url, style: 'link' },
    ],
  };
}

function area(input: ProgrammePdfInput, g: AreaGroup): Content[] {
  const { t } = input.i18n;
  const heading: Content = {
    text: `${t(`area.${g.area}`)} (${servicesCount(input.i18n, g.services.length)})`,
    style: 'area',
    tocItem: true,
    headlineLevel: 1,
  };
  return [heading, ...(g.services.length ? g.services.map((s) => service(input, s)) : [{ text: t('programme.area_empty'), italics: true, margin: [0, 0, 0, 10] } as Content])];
}

function titlePage(input: ProgrammePdfInput): Content[] {
  const { i18n, programme: p } = input;
  const { t } = i18n;
  const facts: [string, string][] = [
    [t('programme.pdf.municipality'), input.municipality.name],
    [t('programme.pdf.cus'), input.municipality.cusName],
    [t('programme.period'), periodText(i18n, p)],
    [t('programme.status'), t(`programme_status.${p.status}`)],
    [t('programme.resolution'), resolutionText(i18n, p)],
    [t('programme.services'), servicesCount(i18n, p.service_count)],
  ];
  return [
    { text: input.municipality.cusName, style: 'kicker' },
    { text: p.name, style: 'title' },
    { table: { widths: ['auto', '*'], body: facts.map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 16] },
    ...paragraphs(p.description).map((d): Content => ({ text: d, margin: [0, 0, 0, 8] })),
    { text: t('programme.pdf.generated', { date: i18n.dateTime(input.now) }), style: 'muted', margin: [0, 24, 0, 0] },
  ];
}

/** The programme as a pdfmake document definition: title page, contents by area, then the areas in the act's order. */
export function programmeDocument(input: ProgrammePdfInput): PdfDocument {
  const { i18n, programme: p } = input;
  const { t } = i18n;
  return {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 64],
    language: i18n.locale === 'pl' ? 'pl-PL' : 'en-GB',
    displayTitle: true,
    compress: input.compress ?? true,
    info: { title: p.name, author: input.municipality.cusName, subject: t('programme.pdf.subject'), creator: 'Wspólnota' },
    content: [
      ...titlePage(input),
      { toc: { title: { text: t('programme.contents'), style: 'heading' } }, pageBreak: 'before' },
      { text: t('programme.contents_intro'), style: 'muted', margin: [0, 8, 0, 0] },
      ...input.areas.flatMap((g, i) => (i === 0 ? [{ text: '', pageBreak: 'before' } as Content] : []).concat(area(input, g))),
    ],
    pageFooter: { text: t('programme.pdf.page', { page: '{page}', pages: '{pages}' }), style: 'muted', margin: [0, 24, 0, 0] },
    // An area's heading never ends a page.
    keepHeadlinesWithNext: true,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      kicker: { fontSize: 12, margin: [0, 80, 0, 8] },
      title: { fontSize: 22, bold: true, margin: [0, 0, 0, 24] },
      heading: { fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
      area: { fontSize: 14, bold: true, margin: [0, 12, 0, 8] },
      service: { fontSize: 11, bold: true, margin: [0, 0, 0, 2] },
      link: { color: '#1d4f91', decoration: 'underline' },
      muted: { fontSize: 9, color: '#505a5f' },
    },
  };
}

/** Renders the programme to PDF bytes. */
export async function programmePdf(input: ProgrammePdfInput): Promise<Buffer> {
  return renderPdf(programmeDocument(input));
}
