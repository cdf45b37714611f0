import type { PageResult } from './measure.js';

/** The targets docs/benchmarks.md proposes, with 10 connections on the large dataset. */
export const TARGETS = {
  signedInP99Ms: 250,
  signedInRatio: 0.2,
  publicRatio: 0.5,
  /** the public councillor list and a profile (issue 3): within 1.5× the baseline */
  directoryRatio: 0.67,
  /** the code of conduct's pages (issue 4): within 2× the baseline, signed in or not */
  codeOfConductRatio: 0.5,
  /** a committee report's page and its readiness check (issue 5): within 2× the baseline */
  committeeReportsRatio: 0.5,
  /** the training compliance dashboards, for an authority and a group (issue 6) */
  memberDevelopmentRatio: 0.5,
  /** the facilitator's tally of a live scenario (issue 7): within 1.5× the baseline */
  liveTallyRatio: 0.67,
} as const;

export type Verdict = 'baseline' | 'ok' | 'slow' | 'FAILED';

export interface RatedResult extends PageResult {
  /** requests/s divided by the baseline's (the mean of its first and last runs) */
  ratio: number;
  verdict: Verdict;
}

/** A page that answered anything but 2xx failed, however fast; otherwise held to its target. */
export function rate(result: PageResult, baselineRps: number): RatedResult {
  const ratio =
    baselineRps > 0 ? Math.round((result.requestsPerSecond / baselineRps) * 100) / 100 : 0;
  let verdict: Verdict;
  if (
    result.checkStatus !== 200 ||
    result.non2xx > 0 ||
    result.errors > 0 ||
    result.requests === 0
  ) {
    verdict = 'FAILED';
  } else if (result.kind === 'baseline') {
    verdict = 'baseline';
  } else if (result.kind === 'public') {
    verdict = ratio >= (result.targetRatio ?? TARGETS.publicRatio) ? 'ok' : 'slow';
  } else {
    verdict =
      ratio >= (result.targetRatio ?? TARGETS.signedInRatio) &&
      result.latencyMs.p99 < TARGETS.signedInP99Ms
        ? 'ok'
        : 'slow';
  }
  return { ...result, ratio, verdict };
}

function table(head: string[], rows: string[][], rightAligned: Set<number>): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function failureNote(result: RatedResult): string {
  if (result.verdict !== 'FAILED') return String(result.non2xx);
  const parts = [String(result.non2xx)];
  if (result.checkStatus !== 200) parts.push(`(answered ${result.checkStatus})`);
  if (result.errors > 0) parts.push(`+${result.errors} errors`);
  return parts.join(' ');
}

const cpuText = (ms: number | null): string => (ms === null ? '-' : ms.toFixed(1));

export function formatTable(results: RatedResult[]): string {
  return table(
    [
      'Page',
      'Req/s',
      'p50 ms',
      'p99 ms',
      'vs baseline',
      'non-2xx',
      'Target',
      'CPU ms/req: node',
      'pg',
    ],
    results.map((r) => [
      r.label,
      r.requestsPerSecond.toFixed(0),
      r.latencyMs.p50.toFixed(1),
      r.latencyMs.p99.toFixed(1),
      r.ratio.toFixed(2),
      failureNote(r),
      r.verdict === 'baseline' ? '' : r.verdict,
      cpuText(r.cpuMsPerRequest.server),
      cpuText(r.cpuMsPerRequest.postgres),
    ]),
    new Set([1, 2, 3, 4, 5, 7, 8]),
  );
}

/** The same table in Markdown, to paste into docs/benchmarks.md. */
export function formatMarkdown(results: RatedResult[]): string {
  const rows = results.map(
    (r) =>
      `| \`${r.label.replace(/\|/g, '\\|')}\` | ${r.requestsPerSecond.toFixed(0)} | ` +
      `${r.latencyMs.p50.toFixed(1)} | ${r.latencyMs.p99.toFixed(1)} | ${r.ratio.toFixed(2)} | ` +
      `${r.non2xx + r.errors} | ${r.verdict === 'baseline' ? '' : r.verdict} | ` +
      `${cpuText(r.cpuMsPerRequest.server)} | ${cpuText(r.cpuMsPerRequest.postgres)} |`,
  );
  return [
    '| Page | Req/s | p50 ms | p99 ms | vs baseline | non-2xx | Target | CPU ms/req: node | pg |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
    ...rows,
  ].join('\n');
}
