// Runs the TypeScript client's integration test from the ear module's integration-test phase
// without failing there (Liberty must still be stopped in post-integration-test), and fails the
// build in the verify phase if it failed, as failsafe does for the Java ITs.
//
//   node integration.mjs run <result.json>     runs `npm run test:integration`, records the outcome
//   node integration.mjs verify <result.json>  exits non-zero unless the recorded run passed
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [mode, resultFile] = process.argv.slice(2);
if (!['run', 'verify'].includes(mode) || !resultFile) {
  console.error('usage: node integration.mjs run|verify <result.json>');
  process.exit(2);
}

if (mode === 'run') {
  const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['run', 'test:integration'], { cwd: packageDir, stdio: 'inherit' });
  const exitCode = run.error ? -1 : run.status ?? -1;
  mkdirSync(dirname(resultFile), { recursive: true });
  writeFileSync(
    resultFile,
    JSON.stringify({ exitCode, signal: run.signal, error: run.error?.message ?? null }) + '\n',
  );
  console.log(`TypeScript client integration test exit code ${exitCode} (checked in verify)`);
} else {
  let result;
  try {
    result = JSON.parse(readFileSync(resultFile, 'utf8'));
  } catch {
    console.error(`TypeScript client integration test result ${resultFile} is missing: it did not run`);
    process.exit(1);
  }
  if (result.exitCode !== 0) {
    console.error(
      `TypeScript client integration test FAILED (exit ${result.exitCode}` +
        `${result.signal ? `, signal ${result.signal}` : ''}${result.error ? `, ${result.error}` : ''}):` +
        ' see its output above, in the integration-test phase',
    );
    process.exit(1);
  }
  console.log('TypeScript client integration test passed');
}
