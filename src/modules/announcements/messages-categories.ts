import type { Message } from '../../platform/i18n';

/** The categories' page of the announcements' staff (issue 16): add, rename, retire and restore. */
export const categoriesPl = {
  'announcements.categories.title': 'Kategorie ogłoszeń',
  'announcements.categories.link': 'Kategorie ogłoszeń',
  'announcements.categories.intro': 'Kategoria porządkuje tablicę ogłoszeń, ma własny kanał Atom i można ją subskrybować. Wycofana kategoria zostaje ze swoimi ogłoszeniami i kanałem, ale nie można już w niej pisać nowych ogłoszeń ani jej subskrybować.',
  'announcements.categories.caption': 'Kategorie ogłoszeń',
  'announcements.categories.col.name': 'Nazwa',
  'announcements.categories.col.address': 'Adres',
  'announcements.categories.col.count': 'Ogłoszenia',
  'announcements.categories.col.status': 'Stan',
  'announcements.categories.col.actions': 'Czynności',
  'announcements.categories.active': 'w użyciu',
  'announcements.categories.retired': 'wycofana',
  'announcements.categories.rename': 'Zmień nazwę',
  'announcements.categories.retire': 'Wycofaj',
  'announcements.categories.restore': 'Przywróć',
  'announcements.categories.of': ' kategorię „{name}”',
  'announcements.categories.add': 'Dodaj kategorię',
  'announcements.categories.field.name': 'Nazwa kategorii',
  'announcements.categories.hint.name': 'Adres kategorii powstanie z nazwy i nie zmieni się przy zmianie nazwy.',
  'announcements.categories.added': 'Dodano kategorię „{name}”.',
  'announcements.categories.renamed': 'Zmieniono nazwę kategorii.',
  'announcements.categories.retired_done': 'Wycofano kategorię „{name}”. Jej ogłoszenia zostały na swoich miejscach.',
  'announcements.categories.restored_done': 'Przywrócono kategorię „{name}”.',
  'announcements.categories.edit_title': 'Zmiana nazwy kategorii „{name}”',
  'announcements.categories.back': 'Kategorie ogłoszeń',
  'error.announcement_category_taken': 'Kategoria o takiej nazwie (albo adresie) już istnieje — wybierz inną nazwę.',
  'error.announcement_category_name': 'Nazwa musi zawierać co najmniej dwie litery lub cyfry.',
};

export const categoriesEn: Record<keyof typeof categoriesPl, Message> = {
  'announcements.categories.title': 'Announcement categories',
  'announcements.categories.link': 'Announcement categories',
  'announcements.categories.intro': 'A category groups the notice board, has its own Atom feed and can be subscribed to. A retired category keeps its announcements and feed, but no new announcements can be written in it and nobody can subscribe to it.',
  'announcements.categories.caption': 'Announcement categories',
  'announcements.categories.col.name': 'Name',
  'announcements.categories.col.address': 'Address',
  'announcements.categories.col.count': 'Announcements',
  'announcements.categories.col.status': 'State',
  'announcements.categories.col.actions': 'Actions',
  'announcements.categories.active': 'in use',
  'announcements.categories.retired': 'retired',
  'announcements.categories.rename': 'Rename',
  'announcements.categories.retire': 'Retire',
  'announcements.categories.restore': 'Restore',
  'announcements.categories.of': ' the category "{name}"',
  'announcements.categories.add': 'Add a category',
  'announcements.categories.field.name': 'Category name',
  'announcements.categories.hint.name': 'The category’s address is made from the name and does not change when it is renamed.',
  'announcements.categories.added': 'The category "{name}" was added.',
  'announcements.categories.renamed': 'The category was renamed.',
  'announcements.categories.retired_done': 'The category "{name}" was retired. Its announcements stay where they are.',
  'announcements.categories.restored_done': 'The category "{name}" was restored.',
  'announcements.categories.edit_title': 'Renaming the category "{name}"',
  'announcements.categories.back': 'Announcement categories',
  'error.announcement_category_taken': 'A category with this name (or address) already exists — choose another name.',
  'error.announcement_category_name': 'The name must contain at least two letters or digits.',
};

declare module '../../platform/i18n/catalogue' {
  interface ModuleMessages {
    'announcements-categories': typeof categoriesPl;
  }
}
