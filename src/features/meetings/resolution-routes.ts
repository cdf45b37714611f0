import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../index.js';
import type { ResolutionOutcome } from '../../db/schema.js';
import { administrators } from '../../platform/access.js';
import { collectErrors, dateError, refusalPart, trimmed } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import type { AgendaItemRow, MeetingRow } from './repository.js';
import { listRecommendations, listResolutions, lockedBy } from './record-repository.js';
import { recordResolutions, type ResolutionEntry } from './resolution-service.js';
import { minuteReference, OUTCOMES } from './schemas.js';
import { meetingPaths } from './paths.js';
import { bodyOf, actorOf, meetingAndItemFrom, noProblems, type Problems } from './route-support.js';
import { meetingView } from './view-model.js';

/** The resolutions on one agenda item's report: one per recommendation. */
export const resolutionRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;
  const url = '/admin/meetings/:id/items/:itemId/resolutions';

  const render = async (
    reply: FastifyReply,
    meeting: MeetingRow,
    item: AgendaItemRow,
    body: Record<string, unknown> | null,
    raw: Record<string, unknown> = {},
    problems: Problems = noProblems(),
  ) => {
    const recs = await listRecommendations(db, item.reportId ? [item.reportId] : []);
    const saved = (await listResolutions(db, meeting.id)).filter((r) => r.agendaItemId === item.id);
    const view = meetingView(meeting);
    const value = (key: string, recId: number) => {
      if (body) return String(body[`${key}-${recId}`] ?? '');
      const r = saved.find((s) => s.recommendationId === recId);
      return key === 'outcome' ? (r?.outcome ?? '') : (r?.amendedText ?? '');
    };
    return reply.render(
      'meetings/templates/resolutions.njk',
      {
        pageTitle: `Resolutions – item ${item.position + 1}, ${item.title}`,
        meeting: view,
        item: { ...item, number: item.position + 1 },
        action: meetingPaths.resolutions(meeting.id, item.id),
        recommendations: recs.map((r) => {
          const s = saved.find((x) => x.recommendationId === r.id);
          return {
            ...r,
            number: r.position + 1,
            outcome: value('outcome', r.id),
            amended: value('amended', r.id),
            locked: lockedBy(s),
          };
        }),
        outcomes: OUTCOMES,
        asksInForce: view.isFullCouncil && recs.some((r) => r.codeVersionId !== null),
        minuteReference: body ? body.minuteReference : (saved[0]?.minuteReference ?? ''),
        raw,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  app.get(url, { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { meeting, item } = await meetingAndItemFrom(db, request);
      return render(reply, meeting, item, null);
    }),
  );

  app.post(url, { config: administrators }, async (request, reply) => {
    const { meeting, item } = await meetingAndItemFrom(db, request);
    const body = bodyOf(request);
    const recs = await listRecommendations(db, item.reportId ? [item.reportId] : []);
    const problems: Problems = { errors: {}, errorList: [] };
    const add = (field: string, text: string) => {
      problems.errors[field] = { text };
      problems.errorList.push({ text, href: `#${field}` });
    };
    const entries: ResolutionEntry[] = [];
    for (const rec of recs) {
      const outcome = trimmed(body[`outcome-${rec.id}`]);
      if (outcome === undefined) continue;
      if (typeof outcome !== 'string' || !(outcome in OUTCOMES)) {
        add(`outcome-${rec.id}`, `Select the resolution on recommendation ${rec.position + 1}`);
        continue;
      }
      const amended = trimmed(body[`amended-${rec.id}`]);
      if (outcome === 'agreed-as-amended' && typeof amended !== 'string')
        add(`amended-${rec.id}`, `Enter recommendation ${rec.position + 1} as amended`);
      else if (typeof amended === 'string' && amended.length > 5000)
        add(`amended-${rec.id}`, 'The amended text must be 5,000 characters or fewer');
      entries.push({
        recommendationId: rec.id,
        outcome: outcome as ResolutionOutcome,
        amendedText: typeof amended === 'string' ? amended : undefined,
      });
    }
    if (recs.length > 0 && entries.length === 0 && problems.errorList.length === 0)
      add(`outcome-${recs[0]!.id}`, 'Select the resolution on at least one recommendation');
    const minute = minuteReference.safeParse(body.minuteReference);
    if (!minute.success)
      add('minuteReference', minute.error.issues[0]?.message ?? 'Enter the minute reference');
    const inForce = dateError(body, 'inForceDate', 'The date it comes into force', false);
    const all = collectErrors(problems, inForce.part);
    const raw = { inForceDate: inForce.raw };
    if (all.errorList.length > 0 || !minute.success)
      return render(reply, meeting, item, body, raw, all);
    const result = await recordResolutions(
      db,
      meeting.id,
      item.id,
      { entries, minuteReference: minute.data, inForceFrom: inForce.value },
      actorOf(request),
      { baseUrl: deps.config.baseUrl },
    );
    if (!result.ok) return render(reply, meeting, item, body, raw, refusalPart(result.refusal));
    const { moved, approved } = result.value;
    const consequences = [
      ...(moved.length > 0
        ? [`The code of conduct version linked to this report is now ${moved.join(', ')}.`]
        : []),
      ...approved.map((a) => `Development programme ${a}.`),
    ];
    return redirectWithFlash(reply, meetingPaths.meeting(meeting.id), {
      title: 'Resolutions recorded',
      text:
        consequences.length > 0
          ? consequences.join(' ')
          : `Item ${item.position + 1}: ${item.title}.`,
    });
  });
};
