import crypto from 'node:crypto';
import { NO_CONTEXT, type Database } from './types';

/**
 * A message on a channel, or `null`: the connection that listens was lost and messages may have been
 * missed, so whatever they would have told must be assumed (a cache forgets everything).
 */
export type ChannelHandler = (payload: string | null) => void;

/** Messages between the instances that share one database (LISTEN/NOTIFY), and within this one. */
export interface Channels {
  /**
   * Tells this instance's handlers at once (before returning) and every other instance's after the
   * database delivers it (milliseconds). Call it after the change committed.
   */
  publish(channel: string, payload: string): Promise<void>;
  subscribe(channel: string, handler: ChannelHandler): void;
  /** Starts listening for the channels subscribed so far (and any later ones); resolves once it listens or has scheduled a retry. */
  start(): Promise<void>;
  close(): Promise<void>;
}

interface Log {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

const CHANNEL = /^[a-z][a-z0-9_]{0,62}$/;
const RETRY_MS = [250, 1000, 5000, 30_000];

/**
 * On PostgreSQL a connection of its own LISTENs to every subscribed channel; `publish` sends
 * `pg_notify` (payload prefixed with this instance's id, so it does not act twice on its own message).
 * If that connection drops, every handler hears `null` and it reconnects with growing pauses.
 * On PGlite one process owns the database, so a message only reaches this process's handlers.
 */
export function openChannels(db: Database, log?: Log): Channels {
  const instance = crypto.randomBytes(6).toString('hex');
  const handlers = new Map<string, ChannelHandler[]>();
  let listener: { close(): Promise<void> } | undefined;
  let started = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;

  const deliver = (channel: string, payload: string | null) => {
    for (const handler of handlers.get(channel) ?? []) {
      try {
        handler(payload);
      } catch (err) {
        log?.warn({ err, channel }, 'a channel handler failed');
      }
    }
  };
  const deliverMissed = () => {
    for (const channel of handlers.keys()) deliver(channel, null);
  };

  const onMessage = (channel: string, message: string) => {
    const space = message.indexOf(' ');
    if (message.slice(0, space) === instance) return;
    deliver(channel, message.slice(space + 1));
  };

  const onLost = (err: Error) => {
    listener = undefined;
    if (closed) return;
    log?.warn({ err: err.message }, 'the listening connection was lost; caches forget everything and it reconnects');
    deliverMissed();
    scheduleConnect();
  };

  async function connect(): Promise<void> {
    if (closed || !db.listen || handlers.size === 0) return;
    const previous = listener;
    listener = undefined;
    await previous?.close();
    listener = await db.listen([...handlers.keys()], onMessage, onLost);
    if (failures > 0) {
      log?.info({ after: failures }, 'listening again');
      // What was sent while nobody listened is lost: assume the worst once more.
      deliverMissed();
    }
    failures = 0;
  }

  function scheduleConnect(): void {
    if (closed || retry) return;
    const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]!;
    failures++;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((err: Error) => {
        log?.warn({ err: err.message }, 'listening failed; trying again');
        scheduleConnect();
      });
    }, delay);
    retry.unref();
  }

  return {
    async publish(channel, payload) {
      deliver(channel, payload);
      if (!db.listen) return;
      await db.tx(NO_CONTEXT, (sql) => sql.query('SELECT pg_notify($1, $2)', [channel, `${instance} ${payload}`]));
    },
    subscribe(channel, handler) {
      if (!CHANNEL.test(channel)) throw new Error(`channel name ${channel}: lower-case letters, digits and _ only`);
      const known = handlers.has(channel);
      handlers.set(channel, [...(handlers.get(channel) ?? []), handler]);
      if (started && !known) void connect().catch(() => scheduleConnect());
    },
    async start() {
      started = true;
      await connect().catch((err: Error) => {
        log?.warn({ err: err.message }, 'listening failed at start; trying again');
        scheduleConnect();
      });
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await listener?.close();
      listener = undefined;
    },
  };
}
