// Reads the runners' JSON reports into one shape. Pure: no files, no processes.

/** @typedef {{ passed: number, failed: number, skipped: number, flaky: number, notLoaded: string[], outside: string[] }} Counts */

const firstLine = (text) => String(text ?? '').split('\n').find((line) => line.trim() !== '')?.trim() ?? '';

/** vitest --reporter=json: a file that throws on import is a failed file with no tests in it. */
export function readVitest(data) {
  const files = Array.isArray(data?.testResults) ? data.testResults : [];
  const notLoaded = files
    .filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0)
    .map((file) => `${file.name}: ${firstLine(file.message) || 'failed to load'}`);
  return {
    passed: data?.numPassedTests ?? 0,
    failed: data?.numFailedTests ?? 0,
    skipped: (data?.numPendingTests ?? 0) + (data?.numTodoTests ?? 0),
    flaky: 0,
    notLoaded,
    outside: [],
  };
}

/** Playwright's JSON reporter: errors outside any test (a spec that cannot load, a failed global setup) sit in `errors`. */
export function readPlaywright(data) {
  const stats = data?.stats ?? {};
  const outside = (Array.isArray(data?.errors) ? data.errors : []).map((error) => {
    const where = error.location ? `${error.location.file}:${error.location.line}: ` : '';
    return `${where}${firstLine(error.message) || 'error outside a test'}`;
  });
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
    flaky: stats.flaky ?? 0,
    notLoaded: [],
    outside,
  };
}
