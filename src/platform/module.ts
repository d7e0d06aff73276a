import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { Database, Sql } from './db/types';
import type { NavItem } from './http/request-context';
import type { JobHandler } from './jobs/outbox';
import type { Mailer } from './mail/mailer';

/** What every module receives: the kernel's services, nothing of other modules. */
export interface ModuleContext {
  config: Config;
  db: Database;
  mailer: Mailer;
  /**
   * A key derived from APP_SECRET for links a module must be able to send again (an invitation's
   * answer link in a reminder): such a token is an HMAC of the record's id, and only its hash is stored.
   */
  linkKey: Buffer;
  /** Every module's `personalData` section for one person, in the modules' order (what a data download holds). */
  personalData: (sql: Sql, subject: DataSubject) => Promise<PersonalDataSection[]>;
  /** Every module's `anonymiseCases`, in the modules' order, in the caller's transaction (the retention job of cases). */
  anonymiseCases: AnonymiseCases;
}

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
  jobs?: (ctx: ModuleContext) => Record<string, JobHandler>;
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
