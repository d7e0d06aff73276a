/** `npm run migrations:freeze`: records each new migration's checksum in migrations/NNNN_name.sha256 (ADR 0017). */
import { freeze, sidecarOf } from './migrations-frozen';

try {
  const added = freeze();
  console.log(added.length > 0 ? `Frozen: ${added.map((f) => `migrations/${sidecarOf(f)}`).join(', ')}` : 'No new migrations: nothing to freeze.');
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
