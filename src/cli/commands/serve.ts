// `spreekuur serve`: the HTTP service with its workers, until SIGINT/SIGTERM;
// then it stops taking requests, finishes the turn and the send in flight, and exits.
import { createApp } from '../../app/createApp.js';
import type { CliCommand } from '../main.js';

export const serveCommand: CliCommand = async (_args, io) => {
  const app = await createApp(process.env);
  await app.start();
  io.stdout.write(`Spreekuur is running at ${app.url.replace('127.0.0.1', 'localhost')}/ (web chat)\n`);
  await new Promise<void>((resolve) => {
    const shutdown = () => {
      process.off('SIGINT', shutdown);
      process.off('SIGTERM', shutdown);
      resolve();
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
  await app.stop();
  return 0;
};
