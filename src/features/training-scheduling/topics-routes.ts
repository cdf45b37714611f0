import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../index.js';
import { administrators, allow } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { collectErrors, parseForm, refusalPart } from '../../platform/forms.js';
import { redirectWithFlash } from '../../platform/flash.js';
import { paths } from './paths.js';
import { actorOf, bodyOf, noProblems, paramsOf, type Problems } from './route-support.js';
import {
  idParams,
  missingMergeCourse,
  proposalParams,
  topicDecisionForm,
  topicForm,
} from './schemas.js';
import { decideTopic, proposeTopic } from './topics-service.js';
import {
  findProgramme,
  findProgrammeInForce,
  findTopicProposal,
  listCourses,
  listGroupsOf,
  listProposalsOfGroups,
  listProposalsOfProgramme,
  type ProgrammeRow,
} from './topics-repository.js';
import { topicView } from './topic-view-model.js';

/**
 * Topic proposals: `/group-training/topics` for whips and members of a political group (their
 * groups' proposals only), `/admin/programmes/<id>/topics` and `/<proposalId>` for
 * administrators to answer them.
 */
export const topicRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;
  const groupPeople = allow('group-whip', 'member');

  const renderGroup = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown> = {},
    problems: Problems = noProblems(),
  ) => {
    const user = request.user!;
    const [groups, programme] = await Promise.all([
      listGroupsOf(db, user.personId),
      findProgrammeInForce(db, user.authorityId),
    ]);
    const proposals = await listProposalsOfGroups(
      db,
      groups.map((g) => g.id),
    );
    return reply.render(
      'training-scheduling/templates/group-topics.njk',
      {
        pageTitle: 'Propose a training topic',
        programme,
        groups,
        groupItems: [
          { value: '', text: 'Choose a group' },
          ...groups.map((g) => ({
            value: String(g.id),
            text: g.name,
            selected: String(values.groupId ?? '') === String(g.id),
          })),
        ],
        proposals: proposals.map(topicView),
        values,
        action: paths.groupTopics,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  app.get(paths.groupTopics, { config: groupPeople }, async (request, outer) =>
    outer.renderPersonalPageWith((reply) => renderGroup(request, reply)),
  );

  app.post(paths.groupTopics, { config: groupPeople }, async (request, reply) => {
    const body = bodyOf(request);
    const form = parseForm(topicForm, body);
    if (!form.ok) return renderGroup(request, reply, body, form);
    const user = request.user!;
    const result = await proposeTopic(
      db,
      { authorityId: user.authorityId, personId: user.personId, ...form.data },
      actorOf(request),
    );
    if (!result.ok) return renderGroup(request, reply, body, refusalPart(result.refusal));
    return redirectWithFlash(reply, paths.groupTopics, {
      title: 'Topic proposed',
      text: 'The officers will reply; the reply will show here for everyone in the group.',
    });
  });

  const programmeFrom = async (request: FastifyRequest, id: number): Promise<ProgrammeRow> => {
    const programme = await findProgramme(db, id);
    if (!programme || programme.authorityId !== request.user!.authorityId) throw notFound();
    return programme;
  };

  app.get('/admin/programmes/:id/topics', { config: administrators }, async (request, outer) =>
    outer.renderPersonalPageWith(async (reply) => {
      const { id } = paramsOf(idParams, request);
      const programme = await programmeFrom(request, id);
      const proposals = (await listProposalsOfProgramme(db, programme.id)).map((t) => ({
        ...topicView(t),
        href: paths.decideTopic(programme.id, t.id),
      }));
      return reply.render('training-scheduling/templates/programme-topics.njk', {
        pageTitle: `Topics proposed by groups: ${programme.title}`,
        programme,
        programmeHref: paths.programme(programme.id),
        open: proposals.filter((p) => p.open),
        answered: proposals.filter((p) => !p.open),
      });
    }),
  );

  const renderDecision = async (
    reply: FastifyReply,
    programme: ProgrammeRow,
    proposalId: number,
    values: Record<string, unknown> = {},
    problems: Problems = noProblems(),
  ) => {
    const proposal = await findTopicProposal(db, proposalId);
    if (!proposal || proposal.programmeId !== programme.id) throw notFound();
    const courses = await listCourses(db, programme.id);
    return reply.render(
      'training-scheduling/templates/topic-decision.njk',
      {
        pageTitle: `Answer a topic proposal: ${proposal.topic}`,
        programme,
        proposal: topicView(proposal),
        backHref: paths.programmeTopics(programme.id),
        action: paths.decideTopic(programme.id, proposal.id),
        courseItems: [
          { value: '', text: 'Choose a course' },
          ...courses.map((c) => ({
            value: String(c.id),
            text: c.title,
            selected: String(values.courseId ?? '') === String(c.id),
          })),
        ],
        values,
        errors: problems.errors,
        errorList: problems.errorList,
      },
      problems.errorList.length > 0 ? 400 : 200,
    );
  };

  app.get(
    '/admin/programmes/:id/topics/:proposalId',
    { config: administrators },
    async (request, outer) =>
      outer.renderPersonalPageWith(async (reply) => {
        const { id, proposalId } = paramsOf(proposalParams, request);
        return renderDecision(reply, await programmeFrom(request, id), proposalId);
      }),
  );

  app.post(
    '/admin/programmes/:id/topics/:proposalId',
    { config: administrators },
    async (request, reply) => {
      const { id, proposalId } = paramsOf(proposalParams, request);
      const programme = await programmeFrom(request, id);
      const body = bodyOf(request);
      const form = parseForm(topicDecisionForm, body);
      const noCourse = missingMergeCourse(body);
      if (!form.ok || noCourse) {
        const problems = collectErrors(form.ok ? null : form, noCourse);
        return renderDecision(reply, programme, proposalId, body, problems);
      }
      const f = form.data;
      const decision =
        f.decision === 'merge'
          ? { decision: 'merge' as const, courseId: f.courseId!, reply: f.reply }
          : f.decision === 'accept'
            ? { decision: 'accept' as const, newCourse: f.newCourse === 'yes', reply: f.reply }
            : { decision: 'decline' as const, reply: f.reply };
      const result = await decideTopic(
        db,
        { programmeId: programme.id, proposalId, ...decision },
        actorOf(request),
      );
      if (!result) throw notFound();
      if (!result.ok) {
        return renderDecision(reply, programme, proposalId, body, refusalPart(result.refusal));
      }
      const text = {
        accepted: result.value.courseId
          ? 'It is added to the programme as a new course: give its details on the course page.'
          : 'The group sees your reply.',
        merged: 'The group sees your reply and the course it joins.',
        declined: 'The group sees your reply.',
      }[result.value.status];
      return redirectWithFlash(reply, paths.programmeTopics(programme.id), {
        title: `Proposal ${result.value.status}`,
        text,
      });
    },
  );
};
