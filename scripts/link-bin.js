// Links this package's own `spreekuur` bin into node_modules/.bin, so that
// `npx spreekuur ...` works inside a fresh clone right after `npm install`.
import { mkdirSync, rmSync, symlinkSync, chmodSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binDir = join(root, 'node_modules', '.bin');
const target = join(root, 'bin', 'spreekuur.js');
mkdirSync(binDir, { recursive: true });
const link = join(binDir, 'spreekuur');
rmSync(link, { force: true });
symlinkSync(relative(binDir, target), link);
chmodSync(target, 0o755);
