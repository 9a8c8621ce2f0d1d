/**
 * Graceful HTTP shutdown without reset connections or 503s.
 *
 * `server.close()` (and so Fastify's `close()`) destroys every keep-alive connection that looks idle at
 * that instant, including one whose next request is already on the wire but not yet read: the client
 * gets ECONNRESET. And Fastify answers 503 to anything that arrives while it closes. So, on a signal:
 * 1. stop listening (new connections are refused, which clients understand) but leave open ones alone;
 * 2. keep serving requests on open connections, each answered with `Connection: close`, so the client
 *    itself moves off the connection after a complete response;
 * 3. after a grace period, close connections that stayed idle through it (a busy client has sent its
 *    next request by then); then wait for in-flight requests to finish, up to a deadline.
 * Only then close the app (queue, Chromium) and the database.
 */
import net from 'node:net';
import type { FastifyInstance } from 'fastify';

export interface DrainOptions {
  /** How long an idle keep-alive connection may stay before it is closed. */
  idleGraceMs?: number;
  /** Give up waiting for in-flight requests after this long. */
  timeoutMs?: number;
}

export interface Drainer {
  /** Resolves once every connection has closed, or at the deadline; true if all closed. */
  drain(options?: DrainOptions): Promise<boolean>;
}

/** Install before `listen()`: adds the hook that marks responses `Connection: close` while draining. */
export function installDrain(app: FastifyInstance): Drainer {
  let draining = false;
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  return {
    async drain({ idleGraceMs = 1_000, timeoutMs = 6_000 } = {}) {
      draining = true;
      const server = app.server;
      // net.Server's close: stop listening only. http.Server's close would also drop "idle" connections.
      if (server.listening) net.Server.prototype.close.call(server);
      const started = Date.now();
      for (;;) {
        const open = await new Promise<number>((resolve) =>
          server.getConnections((err, count) => resolve(err ? 0 : count)),
        );
        if (open === 0) return true;
        const elapsed = Date.now() - started;
        if (elapsed >= timeoutMs) return false;
        if (elapsed >= idleGraceMs) server.closeIdleConnections();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
