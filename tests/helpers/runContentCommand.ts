// Runs `spreekuur content ...` in-process, with empty stdin, and collects what
// it wrote to stdout and stderr.
import { PassThrough } from 'node:stream';
import { contentCommand } from '../../src/cli/commands/content.js';

export async function runContentCommand(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: '', stderr: '' };
  stdout.on('data', (chunk: Buffer) => (chunks.stdout += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (chunks.stderr += chunk.toString()));
  const code = await contentCommand(args, { stdin: new PassThrough(), stdout, stderr });
  return { code, ...chunks };
}
