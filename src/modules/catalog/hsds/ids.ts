import crypto from 'node:crypto';

/**
 * HSDS requires a uuid `id` on every object, also on those we keep as plain columns (a service's
 * phone, its fee, a location's address, a taxonomy term). They get name-based UUIDs (RFC 9562
 * version 5) in this namespace: the same record always publishes the same id, so harvesters can
 * follow it between runs, and nothing has to be stored.
 */
export const HSDS_NAMESPACE = 'a8a38239-3c77-4e17-b8d1-7502f9f99537';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string): boolean => UUID.test(v);

/** A version 5 (SHA-1, name-based) UUID of `name` in `namespace`. */
export function uuidv5(name: string, namespace: string = HSDS_NAMESPACE): string {
  if (!isUuid(namespace)) throw new Error(`not a uuid namespace: ${namespace}`);
  const hash = crypto.createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of a derived object: its kind and what it hangs on, e.g. `derivedId('phone', serviceId)`. */
export const derivedId = (kind: string, ...parts: string[]): string => uuidv5([kind, ...parts].join(':'));
