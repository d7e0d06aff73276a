import type { StartCards } from '../../platform/module';

/** A resident can ask what they may get; a coordinator keeps the catalogue up to date. */
export const catalogStartCards: StartCards = async (_sql, who) => [
  ...(who.roles.includes('resident') ? [{ role: 'resident' as const, label: 'catalog.start.check' as const, href: '/check' }] : []),
  ...(who.roles.includes('coordinator') && who.permissions.has('catalog.manage') ? [{ role: 'coordinator' as const, label: 'catalog.start.edit' as const, href: '/catalog' }] : []),
];
