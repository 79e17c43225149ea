// Where the SQL migrations are, whether we run from src/ (tsx, jest) or dist/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const candidates = [join(here, 'migrations'), join(here, '..', '..', '..', 'src', 'storage', 'migrations')];

export const migrationsFolder = candidates.find((dir) => existsSync(join(dir, 'meta', '_journal.json'))) ?? candidates[0]!;
