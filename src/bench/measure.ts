import autocannon from 'autocannon';

export type PageKind = 'baseline' | 'public' | 'signed-in';

export interface PageSpec {
  /** how the page appears in the table */
  label: string;
  path: string;
  kind: PageKind;
  /** the Cookie header to send, for a signed-in page */
  cookie?: string;
}

export interface PageResult {
  label: string;
  path: string;
  kind: PageKind;
  /** the status of one request made before the load, and its size in bytes */
  checkStatus: number;
  checkBytes: number;
  requestsPerSecond: number;
  latencyMs: { mean: number; p50: number; p90: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  /** connection errors, timeouts included */
  errors: number;
}

export interface LoadSettings {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
}

async function load(url: string, spec: PageSpec, connections: number, seconds: number) {
  return autocannon({
    url,
    connections,
    duration: seconds,
    headers: spec.cookie ? { cookie: spec.cookie } : {},
    timeout: 30,
  });
}

const round = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * One page: a single request to see that it answers 200, a warm-up, then the measured run.
 * Every response that is not 2xx is counted; the caller reports such a page as failing.
 */
export async function measurePage(
  baseUrl: string,
  spec: PageSpec,
  settings: LoadSettings,
): Promise<PageResult> {
  const url = `${baseUrl}${spec.path}`;
  const check = await fetch(url, {
    headers: spec.cookie ? { cookie: spec.cookie } : {},
    redirect: 'manual',
  });
  const checkBytes = (await check.arrayBuffer()).byteLength;

  if (settings.warmupSeconds > 0) {
    await load(url, spec, settings.connections, settings.warmupSeconds);
  }
  const result = await load(url, spec, settings.connections, settings.durationSeconds);
  return {
    label: spec.label,
    path: spec.path,
    kind: spec.kind,
    checkStatus: check.status,
    checkBytes,
    requestsPerSecond: round(result.requests.average),
    latencyMs: {
      mean: round(result.latency.mean, 2),
      p50: round(result.latency.p50, 2),
      p90: round(result.latency.p90, 2),
      p99: round(result.latency.p99, 2),
      max: round(result.latency.max, 2),
    },
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
