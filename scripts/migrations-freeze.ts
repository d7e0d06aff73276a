/** `npm run migrations:freeze`: adds new migrations' checksums to migrations/checksums.txt (ADR 0017). */
import { freeze, LIST_NAME } from './migrations-frozen';

try {
  const added = freeze();
  console.log(added.length > 0 ? `Frozen in migrations/${LIST_NAME}: ${added.join(', ')}` : 'No new migrations: nothing to freeze.');
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
