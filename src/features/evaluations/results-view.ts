import { csvFile } from '../../platform/csv.js';
import type { CourseResult, QuestionResult } from './results.js';
import { RATING_LABELS } from './schemas.js';

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const RATINGS = [5, 4, 3, 2, 1] as const;

const averageText = (q: QuestionResult) =>
  q.average === null ? 'No ratings' : q.average.toFixed(1);

/**
 * A rating question's answers as a horizontal bar chart, excellent at the top, drawn on the
 * server as SVG (no script): an image with a title and a description. The table beside it
 * gives the same numbers.
 */
export function ratingChart(q: QuestionResult, id: string): string {
  const barHeight = 26;
  const gap = 10;
  const labelWidth = 150;
  const chartWidth = 360;
  const max = Math.max(1, ...q.counts);
  const height = RATINGS.length * (barHeight + gap);
  const width = labelWidth + chartWidth + 60;
  const bars = RATINGS.map((rating, i) => {
    const n = q.counts[rating - 1] ?? 0;
    const y = i * (barHeight + gap);
    const length = Math.round((chartWidth * n) / max);
    return [
      `<text x="${labelWidth - 8}" y="${y + barHeight / 2 + 5}" text-anchor="end" class="probity-chart__label">${escapeXml(RATING_LABELS[rating]!)}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${chartWidth}" height="${barHeight}" class="probity-chart__track"></rect>`,
      `<rect x="${labelWidth}" y="${y}" width="${length}" height="${barHeight}" class="probity-chart__bar"></rect>`,
      `<text x="${labelWidth + length + 6}" y="${y + barHeight / 2 + 5}" class="probity-chart__value">${n}</text>`,
    ].join('');
  }).join('');
  const description = `Average ${averageText(q)} from ${q.answered} ${q.answered === 1 ? 'rating' : 'ratings'}. ${RATINGS.map((r) => `${RATING_LABELS[r]}: ${q.counts[r - 1]}`).join('; ')}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="probity-chart probity-evaluation-chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeXml(`Ratings: ${q.prompt}`)}</title>` +
    `<desc id="${id}-desc">${escapeXml(description)}</desc>` +
    bars +
    `</svg>`
  );
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '' : ` (${Math.round((100 * part) / whole)}%)`;

/** The results as the template shows them: each course, each question with its chart and table. */
export function resultsView(results: CourseResult[]) {
  return results.map((course) => ({
    title: course.courseTitle,
    responses: course.responses,
    responsesText: `${course.responses} ${course.responses === 1 ? 'response' : 'responses'} from ${course.attendees} ${course.attendees === 1 ? 'attendee' : 'attendees'}${percent(course.responses, course.attendees)}`,
    questions: course.questions.map((q, i) => {
      const id = `chart-${course.courseId}-${q.id}`;
      return {
        number: i + 1,
        prompt: q.prompt,
        kind: q.kind,
        retired: q.retired,
        answeredText: `${q.answered} ${q.answered === 1 ? 'answer' : 'answers'}`,
        average: averageText(q),
        chartSvg: q.kind === 'rating' && q.answered > 0 ? ratingChart(q, id) : '',
        tableRows: RATINGS.map((r) => [
          { text: RATING_LABELS[r] },
          { text: String(q.counts[r - 1]), format: 'numeric' },
          {
            text: `${q.answered === 0 ? 0 : Math.round((100 * q.counts[r - 1]!) / q.answered)}%`,
            format: 'numeric',
          },
        ]),
        texts: q.texts,
      };
    }),
  }));
}

/**
 * The aggregates and the free text as a spreadsheet: one row per rating question with its
 * counts, then one row per free-text answer, sorted. No names, no ids.
 */
export function resultsCsv(results: CourseResult[]): string {
  const rows: string[][] = [];
  for (const course of results) {
    rows.push([
      course.courseTitle,
      'Responses',
      '',
      String(course.responses),
      '',
      '',
      '',
      '',
      '',
      '',
      `${course.attendees} attendees`,
    ]);
    for (const q of course.questions) {
      if (q.kind === 'rating') {
        rows.push([
          course.courseTitle,
          'Rating',
          q.prompt,
          String(q.answered),
          q.average === null ? '' : q.average.toFixed(1),
          ...q.counts.map(String),
          '',
        ]);
      } else {
        for (const text of q.texts) {
          rows.push([course.courseTitle, 'Free text', q.prompt, '', '', '', '', '', '', '', text]);
        }
      }
    }
  }
  return csvFile(
    [
      'Course',
      'Kind',
      'Question',
      'Answers',
      'Average',
      'Rated 1',
      'Rated 2',
      'Rated 3',
      'Rated 4',
      'Rated 5',
      'Text',
    ],
    rows,
  );
}
