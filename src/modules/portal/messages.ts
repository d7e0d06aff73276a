import type { Message, MessagesPart } from '../../platform/i18n';
import { accessibilityMessages } from './messages-accessibility';

/** Messages of the portal: a person's start page and the public home of a municipality. */
export const portalPl = {
  'start.title': 'Co na Ciebie czeka',
  'start.greeting': 'Dzień dobry, {name}. Oto, co teraz czeka na Ciebie w Centrum.',
  'start.nothing': 'Nic teraz na Ciebie nie czeka.',
  'start.ideas': 'Co możesz zrobić',
  'start.no_role': 'Nie masz jeszcze żadnej roli w tej gminie. Dołącz jako mieszkaniec, aby składać wnioski i śledzić swoje sprawy.',
  'start.section.resident': 'Twoje sprawy w Centrum',
  'start.section.ngo_member': 'Twoja organizacja',
  'start.section.coordinator': 'Koordynacja usług',
  'start.section.community_organiser': 'Organizowanie społeczności',
  'start.section.grants_officer': 'Dotacje',
  'start.section.evaluator': 'Komisja konkursowa',
  'start.section.analyst': 'Analizy',
  'start.section.director': 'Dyrekcja',
  'start.section.administrator': 'Administracja',
  'start.section.auditor': 'Audyt',
  'public.search_title': 'Szukasz pomocy lub zajęć?',
  'public.search_submit': 'Szukaj usług',
  'public.check_text': 'Odpowiedz na kilka pytań, a podpowiemy, które usługi mogą być dla Ciebie. Niczego nie zapisujemy.',
  'public.contact_title': 'Kontakt z Centrum',
  'public.contact_intro': 'Nie wiesz, od czego zacząć? Zadzwoń, napisz lub przyjdź: {unit}. Pomożemy znaleźć właściwą osobę.',
} satisfies Record<string, Message>;

export const portalEn: Record<keyof typeof portalPl, Message> = {
  'start.title': 'What needs you now',
  'start.greeting': 'Hello, {name}. This is what is waiting for you at the centre now.',
  'start.nothing': 'Nothing is waiting for you now.',
  'start.ideas': 'What you can do',
  'start.no_role': 'You have no role in this municipality yet. Join as a resident to apply for services and follow your matters.',
  'start.section.resident': 'Your matters with the centre',
  'start.section.ngo_member': 'Your organisation',
  'start.section.coordinator': 'Service coordination',
  'start.section.community_organiser': 'Community organising',
  'start.section.grants_officer': 'Grants',
  'start.section.evaluator': 'Grant committee',
  'start.section.analyst': 'Analysis',
  'start.section.director': 'Management',
  'start.section.administrator': 'Administration',
  'start.section.auditor': 'Audit',
  'public.search_title': 'Looking for help or activities?',
  'public.search_submit': 'Search services',
  'public.check_text': 'Answer a few questions and we suggest the services that may suit you. Nothing is stored.',
  'public.contact_title': 'Contact the centre',
  'public.contact_intro': 'Not sure where to start? Call, write or come to: {unit}. We will find the right person for you.',
};

declare module '../../platform/i18n/catalogue' {
  interface ModuleMessages {
    portal: typeof portalPl;
  }
}

export const portalMessages: readonly MessagesPart[] = [{ pl: portalPl, en: portalEn }, accessibilityMessages];
