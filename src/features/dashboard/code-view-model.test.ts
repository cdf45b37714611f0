import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  councilSignOffTable,
  REVIEWS_SHOWN,
  reviewWarnings,
  signOffBanner,
} from './code-view-model.js';

const due = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    authoritySlug: `parish-${i}`,
    authorityName: `Parish <${i}>`,
    versionNumber: 1,
    inForceFrom: '2021-07-06',
    lastReviewedOn: i === 0 ? null : '2025-10-18',
    dueOn: '2026-09-18',
  }));

test('review warnings: a few by name, the rest counted in one, names escaped', () => {
  assert.deepEqual(reviewWarnings([]), []);
  const few = reviewWarnings(due(2));
  assert.equal(few.length, 2);
  assert.match(
    few[0]!.html,
    /^Parish &lt;0&gt;’s code of conduct \(version 1\) is due for its annual review: it was in force since 6 July 2021 and not reviewed since\./,
  );
  assert.match(few[1]!.html, /it was last reviewed on 18 October 2025\./);
  assert.match(few[1]!.html, /href="\/admin\/code\/parish-1"/);
  const many = reviewWarnings(due(REVIEWS_SHOWN + 240));
  assert.equal(many.length, REVIEWS_SHOWN + 1);
  assert.match(many.at(-1)!.html, /^240 more councils’ codes are due for the annual review/);
});

test('the banner lists each code still to sign, and is gone when all are signed', () => {
  const version = {
    id: 1,
    number: 3,
    title: 'Code',
    authorityId: 1,
    authoritySlug: 'x',
    authorityName: 'Demo & Co Council',
    authorityKind: 'principal' as const,
    inForceFrom: '2026-05-01',
    nonVotingCoOptedSign: false,
  };
  const banner = signOffBanner([{ version, signOff: null }]);
  assert.match(banner!.html, /Sign the code of conduct/);
  assert.match(
    banner!.html,
    /You have not signed Demo &amp; Co Council’s code of conduct \(version 3\), in force since 1 May 2026/,
  );
  assert.equal(
    signOffBanner([{ version, signOff: { signedOn: '2026-05-02', method: 'online' } }]),
    null,
  );
  assert.equal(signOffBanner([]), null);
});

test('the councils table shows ten and counts the rest', () => {
  const counts = Array.from({ length: 12 }, (_, i) => ({
    authoritySlug: `c-${i}`,
    authorityName: `Council ${i}`,
    authorityKind: 'parish' as const,
    versionNumber: 1,
    versionTitle: 'Code',
    inForceFrom: '2021-07-06',
    mustSign: 10,
    signed: i,
  }));
  const table = councilSignOffTable(counts)!;
  assert.equal(table.rows.length, 10);
  assert.equal(
    table.note,
    '2 more councils have a code in force: choose them on the sign-offs page.',
  );
  assert.equal(councilSignOffTable([]), null);
});
