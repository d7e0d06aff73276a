import type { MessageKey, Params } from '../i18n';

/** A module's error codes (its `errors.ts`) with their HTTP status, keyed `<area>.<what>`. */
export type ErrorTable = Record<string, number>;

/**
 * The kernel's errors, with their HTTP status; modules add theirs (`ModuleErrors`).
 * 401: not logged in. 403: you can see this but may not do it. 404: not there, or not yours to see.
 */
const KERNEL_ERRORS = {
  'request.malformed': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  /** A NUL character (U+0000) anywhere in a request's text: PostgreSQL refuses it, and no browser sends it (ADR 0015). */
  'request.invalid_characters': 400,
  'validation.failed': 422,
  'auth.required': 401,
  'auth.forbidden': 403,
  'auth.invalid_credentials': 401,
  'auth.locked': 429,
  'auth.email_not_verified': 403,
  'auth.mfa_required': 403,
  'auth.mfa_invalid': 401,
  /** Too many wrong codes for the account: wait (Retry-After) before the next try. */
  'auth.mfa_throttled': 429,
  /** Too many wrong codes in one session: the session has ended. */
  'auth.mfa_attempts_exhausted': 401,
  'csrf.invalid': 403,
  rate_limited: 429,
  not_found: 404,
  'token.invalid': 400,
  'token.expired': 410,
  'token.used': 410,
  'conflict.stale': 409,
  /** A POST of an irreversible action without the confirmation page's field (ui/confirm.tsx): nothing is done. */
  'confirmation.required': 422,
  internal: 500,
  unavailable: 503,
} as const satisfies ErrorTable;

/**
 * Every error code a caller can see, by owner. A module adds its table by declaration merging from
 * its own `errors.ts` (`declare module '…/platform/http/errors' { interface ModuleErrors { cases: typeof caseErrors } }`)
 * and gives the same table to its `AppModule.errors`, which the kernel installs (`installModules`).
 */
export interface ModuleErrors {
  kernel: typeof KERNEL_ERRORS;
}
export type ErrorCode = { [M in keyof ModuleErrors]: keyof ModuleErrors[M] & string }[keyof ModuleErrors];

/** Who contributes error codes: a module's name and its table. */
export interface ErrorsOwner {
  name: string;
  errors?: ErrorTable;
}

type Installed = Map<string, { status: number; owner: string }>;

/** The kernel's error codes and every owner's, merged; one code declared by two owners throws, naming both. */
export function mergeErrorCodes(owners: readonly ErrorsOwner[]): Installed {
  const merged: Installed = new Map();
  for (const [owner, table] of [['kernel', KERNEL_ERRORS] as const, ...owners.map((o) => [o.name, o.errors ?? {}] as const)]) {
    for (const [code, status] of Object.entries(table)) {
      const earlier = merged.get(code);
      if (earlier) throw new Error(`error code ${code} is declared twice: by ${earlier.owner} and by ${owner}`);
      merged.set(code, { status, owner });
    }
  }
  return merged;
}

let installed = mergeErrorCodes([]);

/** Makes the kernel's and these modules' error codes the app's table (`installModules` does it). */
export function installErrorCodes(owners: readonly ErrorsOwner[]): void {
  installed = mergeErrorCodes(owners);
}

/** The HTTP status of an installed code; a code no module installed is a programming error. */
export function statusOf(code: ErrorCode): number {
  const e = installed.get(code);
  if (!e) throw new Error(`error code ${code} is not installed (is its module in the module list?)`);
  return e.status;
}

/** Every installed code (the catalogues' test checks each has a message). */
export function errorCodes(): ErrorCode[] {
  return [...installed.keys()] as ErrorCode[];
}

/** A field-level problem: the message key under `error.*` and its parameters. */
export interface FieldError {
  code: string;
  params?: Params;
}
export type FieldErrors = Record<string, FieldError>;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly opts: { fields?: FieldErrors; params?: Params; cause?: unknown } = {},
  ) {
    super(code, { cause: opts.cause });
    this.status = statusOf(code);
  }
  get fields(): FieldErrors | undefined {
    return this.opts.fields;
  }
}

export function messageKeyFor(code: ErrorCode): MessageKey {
  return `errors.${code}` as MessageKey;
}

export function fieldMessageKey(code: string): MessageKey {
  return `error.${code}` as MessageKey;
}

export function validationError(fields: FieldErrors): AppError {
  return new AppError('validation.failed', { fields });
}
