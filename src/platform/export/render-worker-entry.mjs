// The worker thread's entry: the server runs TypeScript through tsx, which a worker does not inherit.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
