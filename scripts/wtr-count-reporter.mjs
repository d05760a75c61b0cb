// A @web/test-runner reporter that writes the pass/fail counts to test-results/components.json,
// so `npm test` can add them to its closing line.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, acc) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) acc.skipped += 1;
    else if (t.passed) acc.passed += 1;
    else acc.failed += 1;
  }
  for (const s of suite?.suites ?? []) count(s, acc);
  return acc;
}

export function countReporter(outputFile = 'test-results/components.json') {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
      for (const session of sessions) {
        count(session.testResults, acc);
        // A file that fails to load or throws outside a test counts as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) acc.sessionErrors += 1;
      }
      acc.failed += acc.sessionErrors;
      mkdirSync('test-results', { recursive: true });
      writeFileSync(outputFile, JSON.stringify(acc));
    },
  };
}
