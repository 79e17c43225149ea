// Entry point of the `spreekuur` command line: one module per subcommand,
// loaded on demand so that `route` never pays for the HTTP server's imports.
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  serve: { summary: 'start the HTTP service (web chat, Twilio webhooks, console)', load: async () => (await import('./commands/serve.js')).serveCommand },
  migrate: { summary: 'apply database migrations and exit', load: async () => (await import('./commands/migrate.js')).migrateCommand },
  chat: { summary: 'chat with the bot in this terminal', load: async () => (await import('./commands/chat.js')).chatCommand },
  route: { summary: 'route JSON lines from stdin (see routing contract)', load: async () => (await import('./commands/route.js')).routeCommand },
  eval: { summary: 'score a labelled JSON-lines file', load: async () => (await import('./commands/eval.js')).evalCommand },
  content: { summary: 'content check [--json] | content schema | content import-waste', load: async () => (await import('./commands/content.js')).contentCommand },
  users: { summary: 'users add --email E --password P --role R [--tenant KEY]', load: async () => (await import('./commands/users.js')).usersCommand },
};

export async function runCli(argv: string[], io: CliIo = process): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    const lines = Object.entries(commands).map(([key, { summary }]) => `  ${key.padEnd(8)} ${summary}`);
    io.stderr.write(`usage: spreekuur <command>\n\n${lines.join('\n')}\n`);
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  const run = await command.load();
  return run(rest, io);
}
