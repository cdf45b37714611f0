import type { DbOrTrx } from '../../db/database.js';
import { codePaths, findVersionInForce } from '../code-of-conduct/index.js';
import { linkableParagraphs, linkStates, type LinkState } from '../learning/index.js';
import { listChoices, listLinks, type ChoiceRow, type LiveRow } from './repository.js';
import { tallies } from './tally-repository.js';
import { modelAnswerView, questionsView, reached, tallyView } from './view-model.js';

/**
 * What the facilitator's pages show of scenarios run in a session: the questions, the
 * anonymous tally once it is shown, and the model answer with links to the engaged paragraphs
 * of the code in force. Loaded for several scenarios at once (the session's past ones).
 */
export async function scenarioDetails(
  db: DbOrTrx,
  authorityId: number,
  lives: readonly LiveRow[],
  options: { tallies?: boolean } = {},
) {
  const scenarioIds = [...new Set(lives.map((l) => l.scenarioId))];
  const [choices, links, code, version, counts] = await Promise.all([
    listChoices(db, scenarioIds),
    listLinks(db, scenarioIds),
    linkableParagraphs(db, authorityId),
    findVersionInForce(db, authorityId),
    tallies(db, options.tallies === false ? [] : lives.map((l) => l.id)),
  ]);
  const states = new Map<number, LinkState[]>();
  for (const id of scenarioIds)
    states.set(
      id,
      await linkStates(
        db,
        authorityId,
        links.filter((l) => l.scenarioId === id),
      ),
    );
  const link = (anchor: string) =>
    version ? codePaths.paragraph(version.authoritySlug, version.number, anchor) : null;
  const choicesOf = (id: number): ChoiceRow[] => choices.filter((c) => c.scenarioId === id);

  return {
    paragraphs: code.paragraphs,
    choicesOf,
    viewOf(live: LiveRow) {
      const own = choicesOf(live.scenarioId);
      const linkStatesOf = states.get(live.scenarioId) ?? [];
      // The engaged paragraphs as the code in force numbers them now.
      const engaged = linkStatesOf.flatMap((s) => (s.current ? [s.current.anchor] : []));
      const tally = counts.get(live.id);
      return {
        questions: questionsView(live, own),
        answers: tally?.answers ?? 0,
        tally:
          tally && reached(live.stage, 'tally')
            ? tallyView(tally, live, own, code.paragraphs, engaged)
            : null,
        model: reached(live.stage, 'model-answer')
          ? modelAnswerView(live, own, linkStatesOf, link)
          : null,
        engaged,
      };
    },
  };
}
