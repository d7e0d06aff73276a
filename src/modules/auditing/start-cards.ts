import type { StartCards } from '../../platform/module';

/** The auditor reads the audit log. */
export const auditingStartCards: StartCards = async (_sql, who) =>
  who.roles.includes('auditor') && who.permissions.has('audit.read') ? [{ role: 'auditor', label: 'audit.start.log', href: '/audit' }] : [];
