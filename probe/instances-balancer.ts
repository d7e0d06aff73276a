import net from 'node:net';

/**
 * The probe's own load balancer: a TCP proxy that hands each new connection to the next instance in
 * turn, skipping one that refuses connections (killed) — as any balancer with a health check does.
 * The connection to the instance leaves from the client's own loopback address, so per-address limits
 * see the simulated people, not the balancer.
 */
export class Balancer {
  private readonly server: net.Server;
  private next = 0;
  private readonly open = new Set<net.Socket>();
  readonly down = new Set<number>();
  /** Connections handed to each instance. */
  readonly handed: number[];
  /** Client connections open to each instance now. */
  private readonly attached: Set<net.Socket>[];
  /** The instance each client address's latest connection went to (a simulated person has one connection at a time). */
  private readonly where = new Map<string, number>();

  constructor(private readonly ports: number[]) {
    this.handed = ports.map(() => 0);
    this.attached = ports.map(() => new Set<net.Socket>());
    this.server = net.createServer((client) => {
      this.open.add(client);
      client.once('close', () => this.open.delete(client));
      this.route(client, 0);
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  private route(client: net.Socket, tries: number): void {
    const live = this.ports.map((_, i) => i).filter((i) => !this.down.has(i));
    if (live.length === 0 || tries > this.ports.length) {
      client.destroy();
      return;
    }
    const i = live[this.next++ % live.length]!;
    const upstream = net.connect({ host: '127.0.0.1', port: this.ports[i]!, localAddress: client.remoteAddress?.replace(/^::ffff:/, '') });
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      this.handed[i]!++;
      this.attached[i]!.add(client);
      if (client.remoteAddress) this.where.set(client.remoteAddress.replace(/^::ffff:/, ''), i);
      client.once('close', () => this.attached[i]!.delete(client));
      client.pipe(upstream).pipe(client);
    });
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (!connected && err.code === 'ECONNREFUSED') {
        this.down.add(i);
        this.route(client, tries + 1);
        return;
      }
      client.destroy();
    });
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  /** The instance (0-based) the latest connection from `address` went to, if any. */
  instanceOf(address: string): number | undefined {
    return this.where.get(address);
  }

  /** Takes instance `i` out of turn (it is about to be killed); returns how many client connections it still holds, which its death will cut. */
  cut(i: number): number {
    this.down.add(i);
    return this.attached[i]!.size;
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
