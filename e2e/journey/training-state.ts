// What the journey's training steps hand on to each other, and what they share.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { GroupWithWhip, Journey, Person } from './support.js';

export const GROUP_COURSE = 'Our code of conduct, talked through in your group';
export const ALL_MEMBERS_COURSE = 'Deciding well: probity for every councillor';

/** What the draft programme is made of, for the report (step 2) and steps 6 to 8. */
export interface DraftProgramme {
  programmeId: number;
  programmeTitle: string;
  groupCourseId: number;
  allMembersCourseId: number;
  allMembersSessionId: number;
  /** one session of the group course per political group, in the order of `j.groups` */
  groupSessions: { group: GroupWithWhip; sessionId: number }[];
}

/** After step 6: every group's session confirmed, one of them today. */
export interface AgreedProgramme extends DraftProgramme {
  /** the group whose whip asked for a session today, and that session */
  today: { group: GroupWithWhip; sessionId: number; startsAt: Date; endsAt: Date };
  /** a committee member of another group who said they cannot come to their session */
  declined: Person;
}

export const idFrom = (page: Page, pattern: RegExp): number => {
  const match = pattern.exec(new URL(page.url()).pathname);
  assert.ok(match, `${page.url()} should match ${pattern}`);
  return Number(match[1]);
};

export const mainText = async (page: Page) => page.locator('main').innerText();

/** The dashboard of someone, as they would see it on signing in. */
export async function dashboardText(j: Journey, person: Person, phone = false): Promise<string> {
  const page = await j.as(person, { phone });
  await page.goto('/dashboard');
  return mainText(page);
}
