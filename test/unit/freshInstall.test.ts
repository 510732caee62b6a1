// What a fresh machine relies on: keytar is optional, and the README's commands are the ones CI runs.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
};
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const command = (section: string) => new RegExp(`## ${section}\\s+\`\`\`sh\\n(.+)\\n\`\`\``).exec(readme)?.[1];

describe('a fresh machine', () => {
  it('keytar is an optional dependency, so npm install succeeds where it cannot build', () => {
    expect(pkg.optionalDependencies?.keytar).toBeDefined();
    expect(pkg.dependencies.keytar).toBeUndefined();
    // The bundler must leave it to run time (electron.vite.config.ts externalizes it explicitly).
    expect(readFileSync(join(root, 'electron.vite.config.ts'), 'utf8')).toMatch(/externalizeDeps:\s*\{\s*include:\s*\['keytar'\]/);
  });

  it('the README run command installs and starts; the test command sets up, then tests', () => {
    expect(command('Run it')).toBe('npm install && npm start');
    expect(command('Test it')).toBe('npm run setup:test && npm test');
    expect(pkg.scripts['setup:test']).toBe('bash scripts/setup-test.sh');
    expect(pkg.scripts.test).toBe('node scripts/test-all.mjs');
  });

  it('Parley runs on the Node 24 the project brings along, whatever Node runs npm', () => {
    expect(pkg.devDependencies.node).toMatch(/^\^24\./);
    expect(readme).toContain('Node.js 20 or newer');
  });
});
