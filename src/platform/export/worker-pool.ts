import { Worker } from 'node:worker_threads';

interface Task<In, Out> {
  input: In;
  resolve: (out: Out) => void;
  reject: (err: Error) => void;
  timer?: NodeJS.Timeout;
}

type Reply = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * A fixed number of worker threads (each answering a message with `Reply`; bytes come back as a Buffer), started on first use, each doing one task at a time; the rest
 * wait in order. Idle workers do not keep the process alive (nothing to close at shutdown); a worker
 * that dies, or takes longer than `timeoutMs`, is replaced.
 */
export class WorkerPool<In> {
  private idle: Worker[] = [];
  private busy = new Map<Worker, Task<In, unknown>>();
  private queue: Task<In, unknown>[] = [];
  private started = 0;

  constructor(
    private readonly entry: URL,
    private readonly size: number,
    /** A task still running after this long is given up and its worker replaced. */
    private readonly timeoutMs = 120_000,
  ) {}

  run(input: In): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.queue.length) {
      const worker = this.idle.pop() ?? (this.started < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const task = this.queue.shift()!;
      try {
        worker.postMessage(task.input); // throws at once for what cannot be copied (a function)
      } catch (err) {
        worker.unref();
        this.idle.push(worker);
        task.reject(err as Error);
        continue;
      }
      this.busy.set(worker, task);
      task.timer = setTimeout(() => void worker.terminate(), this.timeoutMs).unref();
      worker.ref();
    }
  }

  private spawn(): Worker {
    this.started++;
    const worker = new Worker(this.entry);
    worker.on('message', (reply: Reply) => {
      const task = this.busy.get(worker);
      clearTimeout(task?.timer);
      this.busy.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if (reply.ok) task?.resolve(reply.value instanceof Uint8Array ? Buffer.from(reply.value.buffer, reply.value.byteOffset, reply.value.byteLength) : reply.value);
      else task?.reject(new Error(reply.message));
      this.next();
    });
    const lost = (err: Error) => {
      const task = this.busy.get(worker);
      clearTimeout(task?.timer);
      const wasOurs = this.busy.delete(worker) || this.idle.includes(worker);
      this.idle = this.idle.filter((w) => w !== worker);
      if (wasOurs) this.started--;
      task?.reject(err);
      this.next();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`worker exited with code ${code}`)));
    return worker;
  }
}
