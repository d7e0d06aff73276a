import type { Message, MessagesPart } from '../../platform/i18n';
import { adminEn, adminPl } from './messages-admin';
import { eligibilityEn, eligibilityPl } from './messages-eligibility';
import { programmeEn, programmePl } from './messages-programme';
import { publicEn, publicPl } from './messages-public';
import { transferEn, transferPl } from './messages-transfer';

/** Shared catalogue vocabulary: statutory areas, target groups, provider kinds, statuses, fees. */
export const catalogPl = {
  'nav.catalog': 'Usługi społeczne',
  'catalog.start.check': 'Sprawdź, z czego możesz skorzystać',
  'catalog.start.edit': 'Uzupełnij katalog usług',
  'nav.eligibility': 'Z czego mogę skorzystać?',
  'nav.catalog_admin': 'Katalog usług (edycja)',

  'area.family_policy': 'Polityka prorodzinna',
  'area.family_support': 'Wspieranie rodziny',
  'area.foster_care': 'System pieczy zastępczej',
  'area.social_assistance': 'Pomoc społeczna',
  'area.health': 'Promocja i ochrona zdrowia',
  'area.disability': 'Wspieranie osób niepełnosprawnych',
  'area.education': 'Edukacja publiczna',
  'area.unemployment': 'Przeciwdziałanie bezrobociu',
  'area.culture': 'Kultura',
  'area.sport_tourism': 'Kultura fizyczna i turystyka',
  'area.civic_activity': 'Pobudzanie aktywności obywatelskiej',
  'area.housing': 'Mieszkalnictwo',
  'area.environment': 'Ochrona środowiska',
  'area.reintegration': 'Reintegracja zawodowa i społeczna',

  'group.all_residents': 'wszyscy mieszkańcy',
  'group.seniors': 'seniorzy',
  'group.families': 'rodziny z dziećmi',
  'group.children': 'dzieci',
  'group.youth': 'młodzież',
  'group.people_with_disabilities': 'osoby z niepełnosprawnościami',
  'group.carers': 'opiekunowie osób zależnych',
  'group.unemployed': 'osoby bezrobotne',
  'group.people_in_crisis': 'osoby w kryzysie',

  'provider_kind.cus_unit': 'jednostka CUS',
  'provider_kind.public': 'jednostka publiczna',
  'provider_kind.ngo': 'organizacja pozarządowa',
  'provider_kind.informal_group': 'grupa nieformalna',
  'provider_kind.company': 'firma',

  'service_status.active': 'dostępna',
  'service_status.suspended': 'zawieszona',
  'service_status.closed': 'zakończona',
  'programme_status.draft': 'projekt',
  'programme_status.consultation': 'w konsultacjach',
  'programme_status.adopted': 'przyjęty',
  'programme_status.expired': 'wygasły',

  'fee.free': 'bezpłatna',
  'fee.fixed': 'odpłatność: {amount}',
  'fee.income_dependent': 'odpłatność zależna od dochodu',

  'weekday.1': 'poniedziałek',
  'weekday.2': 'wtorek',
  'weekday.3': 'środa',
  'weekday.4': 'czwartek',
  'weekday.5': 'piątek',
  'weekday.6': 'sobota',
  'weekday.7': 'niedziela',

  'access.step_free': 'wejście bez schodów',
  'access.accessible_toilet': 'toaleta dostępna',
  'access.induction_loop': 'pętla indukcyjna',
  'access.sign_language_on_request': 'tłumacz PJM na życzenie',
} satisfies Record<string, Message>;

export const catalogEn: Record<keyof typeof catalogPl, Message> = {
  'nav.catalog': 'Social services',
  'catalog.start.check': 'Check what you can get',
  'catalog.start.edit': 'Update the service catalogue',
  'nav.eligibility': 'What can I get?',
  'nav.catalog_admin': 'Service catalogue (edit)',

  'area.family_policy': 'Family policy',
  'area.family_support': 'Family support',
  'area.foster_care': 'Foster care',
  'area.social_assistance': 'Social assistance',
  'area.health': 'Health promotion and protection',
  'area.disability': 'Support for people with disabilities',
  'area.education': 'Public education',
  'area.unemployment': 'Tackling unemployment',
  'area.culture': 'Culture',
  'area.sport_tourism': 'Physical culture and tourism',
  'area.civic_activity': 'Encouraging civic activity',
  'area.housing': 'Housing',
  'area.environment': 'Environmental protection',
  'area.reintegration': 'Vocational and social reintegration',

  'group.all_residents': 'all residents',
  'group.seniors': 'older people',
  'group.families': 'families with children',
  'group.children': 'children',
  'group.youth': 'young people',
  'group.people_with_disabilities': 'people with disabilities',
  'group.carers': 'carers of dependent people',
  'group.unemployed': 'unemployed people',
  'group.people_in_crisis': 'people in crisis',

  'provider_kind.cus_unit': 'social services centre unit',
  'provider_kind.public': 'public body',
  'provider_kind.ngo': 'non-governmental organisation',
  'provider_kind.informal_group': 'informal group',
  'provider_kind.company': 'company',

  'service_status.active': 'available',
  'service_status.suspended': 'suspended',
  'service_status.closed': 'closed',
  'programme_status.draft': 'draft',
  'programme_status.consultation': 'in consultation',
  'programme_status.adopted': 'adopted',
  'programme_status.expired': 'expired',

  'fee.free': 'free of charge',
  'fee.fixed': 'fee: {amount}',
  'fee.income_dependent': 'fee depends on income',

  'weekday.1': 'Monday',
  'weekday.2': 'Tuesday',
  'weekday.3': 'Wednesday',
  'weekday.4': 'Thursday',
  'weekday.5': 'Friday',
  'weekday.6': 'Saturday',
  'weekday.7': 'Sunday',

  'access.step_free': 'step-free entrance',
  'access.accessible_toilet': 'accessible toilet',
  'access.induction_loop': 'induction loop',
  'access.sign_language_on_request': 'Polish Sign Language interpreter on request',
};

declare module '../../platform/i18n/catalogue' {
  interface ModuleMessages {
    catalog: typeof catalogPl;
    'catalog-admin': typeof adminPl;
    'catalog-eligibility': typeof eligibilityPl;
    'catalog-public': typeof publicPl;
    'catalog-transfer': typeof transferPl;
    'catalog-programme': typeof programmePl;
  }
}

export const catalogMessages: readonly MessagesPart[] = [{ pl: catalogPl, en: catalogEn }, { pl: adminPl, en: adminEn }, { pl: eligibilityPl, en: eligibilityEn }, { pl: publicPl, en: publicEn }, { pl: transferPl, en: transferEn }, { pl: programmePl, en: programmeEn }];
