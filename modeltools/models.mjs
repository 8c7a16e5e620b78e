// Shared helpers of the model tools: where the models are and how to name them in messages.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectDir = resolve(fileURLToPath(import.meta.url), '../..');
export const processesDir = join(projectDir, 'processes');
// DIAGRAMS_DIR lets a test render somewhere else than the committed pictures.
export const docsDir = process.env.DIAGRAMS_DIR ? resolve(process.env.DIAGRAMS_DIR) : join(projectDir, 'docs');

/** The files named on the command line, or every model in processes/ with one of the extensions. */
export function modelFiles(args, extensions) {
  const files = args.length
    ? args.map(arg => resolve(arg))
    : readdirSync(processesDir).sort().map(name => join(processesDir, name));
  return files.filter(file => extensions.some(ext => file.endsWith(ext)));
}

/** processes/x.bpmn for files in the project, the absolute path for others. */
export function displayName(file) {
  const rel = relative(projectDir, file);
  return rel.startsWith('..') ? file : rel;
}
