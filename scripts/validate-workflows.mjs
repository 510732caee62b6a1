// Validates every GitHub Actions workflow file offline against the workflow schema (unknown keys,
// wrong types, `needs` naming a job that does not exist). Part of `npm test`'s gates.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateWorkflow } from '@action-validator/core';

/** @returns {{ file: string, errors: string[] }[]} one entry per workflow file */
export function validateWorkflowDir(dir) {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ file: join(dir, name), errors: describe(validateWorkflow(readFileSync(join(dir, name), 'utf8')).errors) }));
}

/** The validator nests alternatives (oneOf); print the leaves, each with its path. */
function describe(errors, out = []) {
  for (const error of errors ?? []) {
    if (Array.isArray(error.states) && error.states.length > 0) {
      for (const state of error.states) describe(state.errors, out);
    } else {
      out.push(`${error.path}: ${error.detail ?? error.title}`);
    }
  }
  return [...new Set(out)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '.github', 'workflows'));
  const results = validateWorkflowDir(dir);
  for (const { file, errors } of results) {
    console.log(`${errors.length === 0 ? 'ok' : 'INVALID'}: ${file}`);
    for (const error of errors) console.log(`  ${error}`);
  }
  if (results.length === 0) console.log(`no workflow files in ${dir}`);
  process.exit(results.length > 0 && results.every((r) => r.errors.length === 0) ? 0 : 1);
}
