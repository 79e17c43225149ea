#!/usr/bin/env node
// The `spreekuur` command: serve, migrate, chat, route, eval, content, users.
import { runCli } from '../dist/src/cli/main.js';

runCli(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
