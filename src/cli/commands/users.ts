// `spreekuur users add | list`: console accounts from the command line. The
// first admin is made this way; after that admins manage accounts in the console.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashPassword, minPasswordLength } from '../../auth/passwords.js';
import { roleSchema, tenantKeySchema, UserRepository } from '../../auth/UserRepository.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../storage/database.js';
import { DbContext } from '../../storage/DbContext.js';
import type { CliCommand, CliIo } from '../main.js';

const usage = `usage:
  spreekuur users add --email E --role admin|coordinator|volunteer [--tenant KEY ...] [--name NAME] [--password P]
  spreekuur users list

Without --password the password is read from the first line of stdin (keeps it out of the shell history).
Coordinators and volunteers need at least one --tenant (e.g. het-hogeland); admins see every tenant.
The database is DATABASE_URL, or the PGlite folder DATA_DIR (stop a running server first).
`;

const addSchema = z
  .object({
    email: z.email('--email must be an e-mail address'),
    role: roleSchema,
    tenant: z.array(tenantKeySchema).default([]),
    name: z.string().trim().min(1).max(100).optional(),
    password: z.string().min(minPasswordLength, `the password needs at least ${minPasswordLength} characters`).max(1000),
  })
  .refine((args) => args.role === 'admin' || args.tenant.length > 0, { message: 'give at least one --tenant for a coordinator or volunteer', path: ['tenant'] });

export const usersCommand: CliCommand = async (argv, io) => {
  const [subcommand, ...rest] = argv;
  if (subcommand === 'add') return add(rest, io);
  if (subcommand === 'list') return withUsers(async (users) => {
    for (const user of await users.list()) {
      const tenants = user.role === 'admin' ? '(all tenants)' : user.tenants.join(',');
      const state = user.disabledAt ? ' disabled' : '';
      io.stdout.write(`${user.id}\t${user.email}\t${user.role}\t${tenants}${state}\n`);
    }
    return 0;
  });
  io.stderr.write(usage);
  return subcommand === undefined || subcommand === 'help' || subcommand === '--help' ? 0 : 2;
};

async function add(argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, role: { type: 'string' }, tenant: { type: 'string', multiple: true }, name: { type: 'string' }, password: { type: 'string' } },
    }).values;
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const password = values.password ?? (await readFirstLine(io.stdin));
  const parsed = addSchema.safeParse({ ...values, password });
  if (!parsed.success) {
    io.stderr.write(`${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('\n')}\n${usage}`);
    return 2;
  }
  const args = parsed.data;
  return withUsers(async (users) => {
    const user = await users.create({
      email: args.email,
      passwordHash: await hashPassword(args.password),
      role: args.role,
      tenants: args.role === 'admin' ? [] : args.tenant,
      displayName: args.name ?? null,
    });
    if (!user) {
      io.stderr.write(`an account for ${args.email} already exists\n`);
      return 1;
    }
    io.stdout.write(`created ${user.role} ${user.email} (id ${user.id})${user.tenants.length > 0 ? ` for ${user.tenants.join(', ')}` : ''}\n`);
    return 0;
  });
}

async function withUsers(run: (users: UserRepository) => Promise<number>): Promise<number> {
  const config = loadConfig(process.env);
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    await database.migrate();
    return await run(new UserRepository(new DbContext(database.db)));
  } finally {
    await database.close();
  }
}

async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}
