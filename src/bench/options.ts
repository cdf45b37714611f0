import path from 'node:path';

/** What the benchmark reads from the environment. Every setting has a default. */
export interface BenchOptions {
  /** seconds measured per page */
  durationSeconds: number;
  /** seconds of unmeasured load on each page before its measurement */
  warmupSeconds: number;
  connections: number;
  /** the embedded PostgreSQL's folder, used unless DATABASE_URL is set */
  dataDir: string;
  /** a PostgreSQL server to use instead of the embedded one */
  databaseUrl: string | undefined;
  resultsFile: string;
  /** when set, only the pages whose label contains one of these (and the baseline) */
  pages: string[] | null;
}

function positiveNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) {
    throw new Error(`${name} must be a number of at least ${min} (it is "${raw}")`);
  }
  return value;
}

export function benchOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return {
    durationSeconds: positiveNumber(env, 'BENCH_DURATION', 10, 1),
    warmupSeconds: positiveNumber(env, 'BENCH_WARMUP', 2, 0),
    connections: Math.round(positiveNumber(env, 'BENCH_CONNECTIONS', 10, 1)),
    dataDir: path.resolve(env.BENCH_DATA_DIR?.trim() || '.bench-data'),
    databaseUrl,
    resultsFile: path.resolve('bench-results', 'latest.json'),
    pages: env.BENCH_PAGES?.trim()
      ? env.BENCH_PAGES.split(',')
          .map((part) => part.trim())
          .filter((part) => part !== '')
      : null,
  };
}
