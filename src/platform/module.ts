import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { AuditRecordsOfPerson, AuditSubjects, DescribeAuditSubjects } from './audit/subjects';
import type { Channels } from './db/notify';
import type { Database, Sql } from './db/types';
import type { NavItem } from './http/request-context';
import type { MessageKey, MessagesPart } from './i18n';
import { mergePermissions, installPermissions, type Permission, type PermissionTable, type Role } from './auth/roles';
import { installErrorCodes, mergeErrorCodes, type ErrorTable } from './http/errors';
import { installMessages, mergeMessages } from './i18n';
import type { JobHandler } from './jobs/outbox';
import type { Schedule } from './jobs/scheduler';
import type { Mailer } from './mail/mailer';
import type { Metrics } from './metrics';

/** What every module receives: the kernel's services, nothing of other modules. */
export interface ModuleContext {
  config: Config;
  db: Database;
  mailer: Mailer;
  /** Messages to every instance on the same database (a cache told to forget), this one included. */
  channels: Channels;
  /** The process's Prometheus metrics (GET /metrics): a module adds its own series (names start with wspolnota_). */
  metrics: Metrics;
  /**
   * A key derived from APP_SECRET for links a module must be able to send again (an invitation's
   * answer link in a reminder): such a token is an HMAC of the record's id, and only its hash is stored.
   */
  linkKey: Buffer;
  /** Every module's `personalData` section for one person, in the modules' order (what a data download holds). */
  personalData: (sql: Sql, subject: DataSubject) => Promise<PersonalDataSection[]>;
  /** Every module's `anonymiseCases`, in the modules' order, in the caller's transaction (the retention job of cases). */
  anonymiseCases: AnonymiseCases;
  /** Every module's `startCards` for one person, in the modules' order, in the caller's transaction (the start page). */
  startCards: StartCards;
  /** Every module's `describeAuditSubjects` and `auditRecordsOfPerson`, merged (the auditor's log names what was opened and whose it was). */
  auditSubjects: AuditSubjects;
}

/** Whom a start page is for: one signed-in person in one municipality, with their roles and permissions there. */
export interface StartViewer extends DataSubject {
  email: string;
  roles: readonly Role[];
  permissions: ReadonlySet<Permission>;
}

/**
 * One line of a person's start page. With `count`: how many things are waiting for them or where they
 * stand (a plural message with {count}; shown when above zero). Without: something they can do (a link).
 * Counts only, never a name: the start page opens nobody's personal data.
 */
export interface StartCard {
  /** The page's section: the role in which this is the person's (someone with several roles sees a section each). */
  role: Role;
  label: MessageKey;
  /** Further placeholders of the label beside {count}. */
  params?: Record<string, string | number>;
  count?: number;
  /** Within the municipality, e.g. '/applications/mine'. */
  href: string;
}

export type StartCards = (sql: Sql, who: StartViewer) => Promise<StartCard[]>;

/** Removes the personal data of these cases (one municipality's) from the module's own tables. */
export type AnonymiseCases = (sql: Sql, municipalityId: string, caseIds: string[]) => Promise<void>;

/** What anonymised free text reads where the schema requires some text (a CHECK of a minimum length). */
export const ANONYMISED_TEXT = 'Dane usunięte po upływie okresu przechowywania.';
/** What an anonymised person's name reads. */
export const ANONYMISED_NAME = 'Osoba zanonimizowana';

/** Whose data is asked for: one signed-in person in one municipality. */
export interface DataSubject {
  municipalityId: string;
  userId: string;
}

/** A module's part of a person's data download: a stable English name (a key of data.json) and the records, plain JSON values. */
export interface PersonalDataSection {
  section: string;
  records: unknown[];
}

/**
 * A module's face to the app (its index.ts exports one): routes, the links it adds to a
 * municipality's navigation, and the background jobs it handles.
 */
export interface AppModule {
  name: string;
  routes: (app: FastifyInstance, ctx: ModuleContext) => Promise<void>;
  navigation?: NavItem[];
  /** The module's own messages (its messages.ts), merged into the catalogue with the kernel's; a key defined twice fails at start. */
  messages?: readonly MessagesPart[];
  jobs?: (ctx: ModuleContext) => Record<string, JobHandler>;
  /** The module's permissions (its permissions.ts): whether each opens personal data, and the roles that hold it by default. */
  permissions?: PermissionTable;
  /** The module's error codes (its errors.ts) with their HTTP status. */
  errors?: ErrorTable;
  /** Recurring runs of the module's own job queues (handled by `jobs`), run by the kernel's one scheduler. */
  schedules?: readonly Schedule[];
  /**
   * The person's data this module keeps in its own tables and shows them (the right of access): read in
   * the caller's transaction, found from the account alone, nothing of anyone else. Null: nothing of the kind.
   */
  personalData?: (sql: Sql, subject: DataSubject) => Promise<PersonalDataSection | null>;
  /**
   * Closed cases past their retention period lose their personal data (ADR 0016, 0018): the module blanks
   * what it keeps of these cases in its own tables (`ANONYMISED_TEXT`/`ANONYMISED_NAME` where a CHECK wants
   * text), keeping statuses, dates and counts, in the caller's transaction. Only the owner writes its tables.
   */
  anonymiseCases?: AnonymiseCases;
  /** What needs the person now in this module, and what they can do there: counts read in the module's own repository. */
  startCards?: StartCards;
  /** Its audit subjects in words and whose data they hold, read from its own tables (the auditor's log; ADR 0018). */
  describeAuditSubjects?: DescribeAuditSubjects;
  /** The records of people whose name matches, as its audit entries name them (the log filtered by resident). */
  auditRecordsOfPerson?: AuditRecordsOfPerson;
}

/** The kernel's collector of the modules' `personalData` sections, one after another in one transaction. */
export function collectPersonalData(modules: readonly AppModule[]): ModuleContext['personalData'] {
  return async (sql, subject) => {
    const sections: PersonalDataSection[] = [];
    for (const m of modules) {
      const section = await m.personalData?.(sql, subject);
      if (!section) continue;
      if (sections.some((s) => s.section === section.section)) throw new Error(`personal data section ${section.section} of ${m.name} is named twice`);
      sections.push(section);
    }
    return sections;
  };
}

/** The kernel's caller of the modules' `anonymiseCases` hooks, one after another in the caller's transaction. */
export function collectAnonymiseCases(modules: readonly AppModule[]): AnonymiseCases {
  return async (sql, municipalityId, caseIds) => {
    for (const m of modules) await m.anonymiseCases?.(sql, municipalityId, caseIds);
  };
}

/** The kernel's collector of the modules' start cards, one module after another in the caller's transaction. */
export function collectStartCards(modules: readonly AppModule[]): StartCards {
  return async (sql, who) => {
    const cards: StartCard[] = [];
    for (const m of modules) cards.push(...((await m.startCards?.(sql, who)) ?? []));
    return cards;
  };
}

/**
 * Makes these modules' messages, permissions and error codes the app's, all or none: a key, permission
 * or code declared by two of them (or by one and the kernel) throws, naming both. The module list
 * does it at import (the CLI, seeds and tests need the tables without an app), buildApp again with
 * the modules it is given.
 */
export function installModules(modules: readonly AppModule[]): void {
  mergeMessages(modules);
  mergePermissions(modules);
  mergeErrorCodes(modules);
  installMessages(modules);
  installPermissions(modules);
  installErrorCodes(modules);
}

/** Every module's schedules; a schedule's name or queue used twice throws, naming both modules. */
export function collectSchedules(modules: readonly AppModule[]): Schedule[] {
  const owners = new Map<string, string>();
  for (const m of modules) {
    for (const s of m.schedules ?? []) {
      for (const key of [`schedule ${s.name}`, `queue ${s.queue}`]) {
        const earlier = owners.get(key);
        if (earlier !== undefined) throw new Error(`${key} is scheduled twice: by ${earlier} and by ${m.name}`);
        owners.set(key, m.name);
      }
    }
  }
  return modules.flatMap((m) => m.schedules ?? []);
}
