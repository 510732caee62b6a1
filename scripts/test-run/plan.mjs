// What `npm test` runs. Gates are independent and run in parallel; suites run one after another
// (they share two cores and the e2e/desktop suites need the build). `{report}` is the JSON report path.
export const gates = [
  { name: 'typecheck', cmd: 'npm run typecheck' },
  { name: 'lint', cmd: 'npm run lint' },
  { name: 'build', cmd: 'npm run build' },
  { name: 'workflows', cmd: 'node scripts/validate-workflows.mjs' },
];

export const suites = [
  {
    name: 'unit and integration (vitest)',
    kind: 'vitest',
    cmd: 'npm run test:unit -- --reporter=default --reporter=json --outputFile.json={report}',
  },
  { name: 'end to end (Playwright, Chromium, browser mode)', kind: 'playwright', cmd: 'npm run test:e2e -- --reporter=list,json' },
  { name: 'desktop (Playwright, Electron launcher)', kind: 'playwright', cmd: 'npm run test:electron -- --reporter=list,json' },
];
