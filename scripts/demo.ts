/**
 * npm run demo: the demo data (scripts/seed-demo.ts), then the server with quiet logs (warnings and
 * errors, no line per request, unless LOG_LEVEL says otherwise), then where to go. Development only:
 * production starts with `npm start`, whose logs are untouched.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { demoBanner } from '../src/demo/banner.ts';
import { startServer } from '../src/server-start.ts';
import { runMain } from '../src/startup.ts';

process.env.LOG_LEVEL ??= 'warn';

runMain(async () => {
  await import('./seed-demo.ts');
  const { app, config } = await startServer();
  const { port } = app.server.address() as AddressInfo;
  console.log(
    demoBanner({
      host: config.host,
      port,
      chromiumPath: config.render.chromiumPath,
      chromiumFound: existsSync(config.render.chromiumPath),
      logLevel: config.logLevel,
    }),
  );
});
