import type { Sql } from '../../platform/db/types';
import { addOwnedQuestion, createOwnedSurvey, seedOwnedSurveyAnswers } from '../surveys';
import { consultations, parts, remarks } from './repository';
import { questionOf, surveyInputOf, SURVEY_OWNER } from './service-survey';
import { splitText, toParagraphs } from './split';
import { draftProgramme } from '../catalog';

export interface ConsultationFixturePeople {
  resident?: string;
  representative?: string;
  director?: string;
}

/**
 * The demo consultation (Żyrardów): the catalogue's draft CUS programme for 2027–2030 (its text read through
 * the catalogue's read model, so the catalogue is seeded first), consulted with residents and the
 * organisations of the registry; closed two days ago, every remark answered, the report published and the
 * text after the consultation changed in two places; its short survey (three questions, made through the
 * surveys module's owner API) closed with a few dozen generated answers. Names are fictional.
 */
export async function seedConsultationFixtures(sql: Sql, municipalityId: string, people: ConsultationFixturePeople = {}): Promise<string> {
  const programme = await draftProgramme(sql, municipalityId);
  if (!programme) throw new Error('the demo consultation needs the catalogue’s draft programme: seed the catalogue first');
  const split = splitText(toParagraphs(programme.text));
  const [row] = await sql.query<{ id: string }>(
    `INSERT INTO consultations (municipality_id, subject, legal_basis, audience, forms, opens_at, closes_at, contact, documents, allow_anonymous, text_title, created_by,
       spheres, organisations_mailed_at)
     VALUES ($1, 'Projekt Programu usług społecznych Miasta Żyrardowa na lata 2027–2030', $2, $3, $4, now() - interval '30 days', now() - interval '2 days', $5, $6, true, $7, $8,
       ARRAY['social_assistance', 'family_support_foster_care', 'seniors', 'disability'], now() - interval '30 days')
     RETURNING id`,
    [
      municipalityId,
      'art. 8 ust. 3 ustawy o realizowaniu usług społecznych przez centrum usług społecznych; art. 5 ust. 5 ustawy o działalności pożytku publicznego i o wolontariacie',
      ['everyone', 'organisations', 'council'],
      ['comments', 'written', 'meeting'],
      'Paweł Sikora, organizator społeczności lokalnej, tel. 46 855 00 15, konsultacje@cus-zyrardow.example',
      'https://cus-zyrardow.example/konsultacje/program-2027-diagnoza.pdf',
      split.title,
      people.director ?? null,
    ],
  );
  const id = row!.id;
  await parts.replace(sql, municipalityId, id, split.parts);
  const list = await parts.of(sql, municipalityId, id);
  const part = (label: string) => list.find((p) => p.label === label)!;
  const organisation = async (name: string) =>
    (await sql.query<{ id: string; name: string }>('SELECT id, name FROM organisations WHERE municipality_id = $1 AND name LIKE $2 LIMIT 1', [municipalityId, `%${name}%`]))[0];
  const dom = await organisation('Dom przy Lnianej');
  const utw = await organisation('Trzeciego Wieku');
  const razem = await organisation('„Razem”');

  const add = async (r: Partial<Parameters<typeof remarks.insert>[2]> & { content: string }, position: [string, string] | null) => {
    const remarkId = await remarks.insert(sql, municipalityId, {
      consultationId: id, partId: null, source: 'comment', authorId: null, authorName: '', organisationId: null, organisationName: '', anonymous: false, quote: '', proposal: '',
      receivedOn: null, enteredBy: null, ...r,
    });
    if (position) await remarks.setPosition(sql, municipalityId, remarkId, position[0] as 'accepted', position[1], people.director ?? null, 1);
    return remarkId;
  };
  const hours = part('§ 5 ust. 3');
  await add(
    {
      partId: hours.id, authorId: people.resident ?? null, authorName: 'Zofia Kwiatkowska', quote: 'w godzinach 7:00–20:00',
      content: 'Moja mama potrzebuje pomocy także w soboty. Proszę o usługi opiekuńcze również w weekendy, choćby w ograniczonym wymiarze.',
      proposal: 'Usługi opiekuńcze są świadczone od poniedziałku do soboty w godzinach 7:00–20:00, a w niedziele i święta w godzinach 8:00–14:00.',
    },
    ['partly', 'Od 2027 r. usługi będą świadczone także w soboty; na niedziele i święta nie ma dziś wykonawców — wrócimy do tego przy ocenie śródokresowej.'],
  );
  await add(
    {
      partId: part('§ 3 ust. 2').id, source: 'written', authorName: 'Anna Wiśniewska', organisationId: dom?.id ?? null, organisationName: dom?.name ?? 'Fundacja „Dom przy Lnianej”',
      receivedOn: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10), enteredBy: people.director ?? null,
      content: 'Opieka wytchnieniowa powinna obejmować także pobyty całodobowe, nie tylko godzinowe — opiekunowie osób leżących nie mają innej możliwości odpoczynku.',
    },
    ['accepted', 'Dodajemy pobyty całodobowe w ramach opieki wytchnieniowej (do 14 dni w roku).'],
  );
  await add(
    {
      partId: part('§ 7 ust. 1').id, authorId: people.representative ?? null, authorName: 'Halina Domańska', organisationId: utw?.id ?? null, organisationName: utw?.name ?? '',
      content: 'Sprawozdanie powinno być publikowane także na stronie Centrum i omawiane na spotkaniu otwartym z mieszkańcami.',
    },
    ['accepted', 'Sprawozdanie będzie publikowane w ogłoszeniach Centrum i omawiane na spotkaniu otwartym w kwietniu.'],
  );
  await add(
    { partId: part('§ 6').id, authorId: null, anonymous: true, authorName: 'Mieszkaniec osady', content: 'MAL w Resursie jest za mały na zajęcia dla dzieci — proszę o drugą lokalizację na osiedlu Północ.' },
    ['rejected', 'Program nie przesądza o lokalizacjach; druga lokalizacja zależy od budżetu miasta na 2028 r. Uwaga zostanie przekazana do Wydziału Inwestycji.'],
  );
  await add(
    { source: 'meeting', authorName: 'Jan Pietrzak', organisationId: razem?.id ?? null, organisationName: razem?.name ?? '', receivedOn: new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10),
      content: 'Program nie wspomina o transporcie osób z niepełnosprawnościami na zajęcia — bez niego wiele osób nie skorzysta z usług.', enteredBy: people.director ?? null },
    ['not_applicable', 'Transport indywidualny jest przedmiotem odrębnego programu „Door-to-door”; uzupełniamy odesłanie w załączniku nr 2.'],
  );
  const spam = await add({ partId: part('§ 2').id, authorName: 'Konto testowe', content: 'Tanie kredyty bez BIK — zadzwoń!' }, null);
  await remarks.hide(sql, municipalityId, spam, 'reklama (zasady moderacji, pkt 3)', people.director ?? null, 1);

  // The short survey: made and answered over the consultation's period, closed with it; its counts go into the report.
  const consultation = (await consultations.find(sql, municipalityId, id))!;
  const surveyId = await createOwnedSurvey(sql, municipalityId, surveyInputOf(consultation), { module: SURVEY_OWNER, id });
  for (const q of [
    { kind: 'single' as const, text: 'Czy projekt programu odpowiada na potrzeby Twojej rodziny?', choices: ['tak', 'raczej tak', 'raczej nie', 'nie'], required: true },
    { kind: 'scale' as const, text: 'Jak oceniasz zrozumiałość projektu programu?', choices: [], required: true },
    { kind: 'multiple' as const, text: 'Które usługi z programu są dla Ciebie najważniejsze?', choices: ['usługi opiekuńcze w domu', 'opieka wytchnieniowa', 'zajęcia w Miejscu Aktywności Lokalnej', 'poradnictwo psychologiczne', 'transport dla osób z niepełnosprawnościami'], required: true },
    { kind: 'long_text' as const, text: 'Co jeszcze powinno znaleźć się w programie?', choices: [], required: false },
  ]) await addOwnedQuestion(sql, municipalityId, surveyId, questionOf(q));
  await seedOwnedSurveyAnswers(sql, municipalityId, surveyId, {
    count: 47, seed: 2027, status: 'closed',
    notes: ['Więcej zajęć dla seniorów w soboty.', 'Informacja o usługach w przychodniach, nie tylko w internecie.', 'Dyżur asystenta rodziny po południu.'],
  });

  // The consulted text is kept; the text after the consultation changes where remarks were accepted.
  await sql.query('UPDATE consultations SET consulted_text = $3 WHERE municipality_id = $1 AND id = $2', [
    municipalityId, id, JSON.stringify({ title: split.title, parts: list.map((p) => ({ id: p.id, label: p.label, chapter: p.chapter, body: p.body })) }),
  ]);
  await parts.update(sql, municipalityId, hours.id, { ...hours, body: 'Usługi opiekuńcze są świadczone od poniedziałku do soboty w godzinach 7:00–20:00.' }, hours.version);
  const goals = part('§ 3 ust. 2');
  await parts.update(sql, municipalityId, goals.id, { ...goals, body: goals.body.replace('opieka wytchnieniowa', 'opieka wytchnieniowa godzinowa i całodobowa') }, goals.version);
  await sql.query("UPDATE consultations SET report_published_at = now() - interval '1 day', report_path = $3 WHERE municipality_id = $1 AND id = $2", [
    municipalityId, id, null,
  ]);
  return id;
}
