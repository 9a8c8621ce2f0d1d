/** Entry point of the API process (`npm start`): start the server (src/server-start.ts) and keep it running. */
import { startServer } from './server-start.ts';
import { runMain } from './startup.ts';

runMain(async () => {
  await startServer();
});
