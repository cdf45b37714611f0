import type { ReportDocument } from '../reports/index.js';
import { fixPaths } from './paths.js';

/** A place in the report that holds text, named as a reader would name it. */
export interface TextPlace {
  where: string;
  href: string;
  text: string;
}

/** Every text of the report: title, summary, recommendations, body, statements, papers. */
export function textPlaces(doc: ReportDocument): TextPlace[] {
  const id = doc.report.id;
  const places: TextPlace[] = [
    { where: 'Title', href: fixPaths.field(id, 'title'), text: doc.report.title },
    { where: 'Summary', href: fixPaths.field(id, 'summary'), text: doc.report.summary },
  ];
  doc.recommendations.forEach((r, index) =>
    places.push({
      where: `Recommendation ${index + 1}`,
      href: fixPaths.recommendations(id),
      text: r.text,
    }),
  );
  for (const item of doc.items) {
    places.push({
      where: item.depth === 0 ? `Section ${item.number}` : `Paragraph ${item.number}`,
      href: fixPaths.item(id, item.number),
      text: (item.depth === 0 ? item.heading : item.body) ?? '',
    });
  }
  for (const implication of doc.implications) {
    places.push({
      where: `${implication.label}: statement`,
      href: fixPaths.implication(id, implication.key),
      text: implication.statement,
    });
  }
  places.push({
    where: 'Background papers',
    href: fixPaths.field(id, 'background_papers'),
    text: doc.report.background_papers,
  });
  return places.filter((p) => p.text.trim() !== '');
}
