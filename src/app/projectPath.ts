// Resolves folders that ship with the project (content/, locales/) from the
// repository root, whether we run from src/ or dist/ and from any working directory.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = [join(here, '..', '..'), join(here, '..', '..', '..')].find((candidate) => existsSync(join(candidate, 'package.json'))) ?? process.cwd();

export function projectPath(path: string): string {
  if (isAbsolute(path)) return path;
  const fromCwd = resolve(path);
  return existsSync(fromCwd) ? fromCwd : join(root, path);
}
