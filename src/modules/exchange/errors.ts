import type { ErrorTable } from '../../platform/http/errors';

/** The exchange's error codes and their HTTP status. */
export const exchangeErrors = {
  /** The municipality in the address is not a member of the group (sharing, naming delegates, comparing). */
  'exchange.not_member': 403,
  /** The person is not a delegate of the municipality in the address to the group: they cannot act for it. */
  'exchange.not_delegate': 403,
  /** Only the municipality that convened the group invites and opens rounds. */
  'exchange.not_convener': 403,
  /** Joining a group the municipality was not invited to. */
  'exchange.not_invited': 403,
  /** The municipality is a member already. */
  'exchange.already_member': 409,
  /** The convener cannot leave the group it convened (it holds the rounds and the invitations). */
  'exchange.convener_stays': 409,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    exchange: typeof exchangeErrors;
  }
}
