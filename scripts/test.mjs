// The whole test suite: typecheck, lint, format, then unit, integration and browser tests
// against a real PostgreSQL. Ends with one line: "N passed, N failed".
//
//   node scripts/test.mjs                       everything (what `npm test` runs)
//   node scripts/test.mjs --suites=unit,integration   only those suites, no static checks
//   node scripts/test.mjs --suites=integration --filter=people-admin   only files whose path matches
//
// PostgreSQL: the server in DATABASE_URL when set (its user needs CREATEDB), otherwise an
// embedded one started for this run in .test-data/ and stopped afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import net from 'node:net';

const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const args = process.argv.slice(2);
const suitesArg = args.find((a) => a.startsWith('--suites='));
const suites = new Set(
  suitesArg
    ? suitesArg.slice('--suites='.length).split(',')
    : ['static', 'unit', 'integration', 'browser'],
);
const filterArg = args.find((a) => a.startsWith('--filter='));
const fileFilter = filterArg ? filterArg.slice('--filter='.length) : '';
const CHROMIUM = process.env.PROBITY_CHROMIUM ?? '/usr/bin/chromium';

let passed = 0;
let failed = 0;

function step(name, command, commandArgs) {
  process.stdout.write(`\n▶ ${name}\n`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status === 0) passed += 1;
  else {
    failed += 1;
    console.log(`✖ ${name} failed`);
  }
}

function findTests(dir, suffix) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...findTests(full, suffix));
    else if (entry.endsWith(suffix)) out.push(full);
  }
  return out.filter((file) => file.includes(fileFilter)).sort();
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function runTests(label, files, concurrency) {
  if (files.length === 0) return;
  process.stdout.write(`\n▶ ${label} (${files.length} file${files.length === 1 ? '' : 's'})\n`);
  const stream = run({ files, concurrency, timeout: 10 * 60_000 });
  stream.on('test:pass', (event) => {
    if (event.details?.type !== 'suite' && event.nesting >= 0 && !event.skip) passed += 1;
  });
  stream.on('test:fail', (event) => {
    // A file that fails to load reports as a failed "test" at nesting 0 too: count it.
    if (event.details?.type !== 'suite') failed += 1;
  });
  stream.compose(spec).pipe(process.stdout);
  await new Promise((resolve) => stream.on('end', resolve));
}

const dist = path.join(root, 'dist');
if (suites.has('static')) {
  step('typecheck', process.execPath, [
    path.join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    'tsconfig.json',
    '--noEmit',
  ]);
  step('lint', process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '.']);
  step('format', process.execPath, [
    path.join(root, 'node_modules/prettier/bin/prettier.cjs'),
    '--check',
    '.',
  ]);
}

const unitFiles = findTests(path.join(dist, 'src'), '.test.js').filter(
  (f) => !f.endsWith('.int.test.js'),
);
const integrationFiles = findTests(path.join(dist, 'src'), '.int.test.js');
const browserFiles = findTests(path.join(dist, 'e2e'), '.e2e.test.js');

if (suites.has('unit')) await runTests('unit tests', unitFiles, true);

const needsDatabase = suites.has('integration') || suites.has('browser');
let embedded = null;
let dataDir = null;
if (needsDatabase) {
  const { startEmbeddedDatabase } = await import(path.join(dist, 'src/db/embedded.js'));
  const { prepareTemplateDatabase } = await import(path.join(dist, 'src/testing/database.js'));
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    // One folder per run, so two runs (say, an editor's and a terminal's) never share a cluster.
    dataDir = path.join(root, '.test-data', `run-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    embedded = await startEmbeddedDatabase({
      dataDir,
      port: await freePort(),
      database: 'postgres',
    });
    adminUrl = embedded.adminUrl;
    console.log('\nTests use an embedded PostgreSQL started for this run.');
  } else {
    console.log('\nTests use the PostgreSQL server in DATABASE_URL.');
  }
  const template = `probity_test_template_${process.pid}`;
  await prepareTemplateDatabase(adminUrl, template);
  process.env.PROBITY_TEST_ADMIN_URL = adminUrl;
  process.env.PROBITY_TEST_TEMPLATE = template;

  try {
    if (suites.has('integration')) await runTests('integration tests', integrationFiles, 2);
    if (suites.has('browser')) {
      if (existsSync(CHROMIUM)) {
        process.env.PROBITY_CHROMIUM = CHROMIUM;
        await runTests('browser tests', browserFiles, 1);
      } else if (process.env.CI === 'true') {
        console.log(
          `\n✖ browser tests: Chromium is not installed at ${CHROMIUM}, and CI=true requires it.`,
        );
        failed += 1;
      } else {
        console.log('\n' + '!'.repeat(78));
        console.log(`!! BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM}.`);
        console.log('!! Install it with: sudo apt-get install -y chromium');
        console.log('!'.repeat(78));
      }
    }
  } finally {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect().catch(() => undefined);
    await client.query(`drop database if exists ${template} with (force)`).catch(() => undefined);
    await client.end().catch(() => undefined);
    if (embedded) {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
