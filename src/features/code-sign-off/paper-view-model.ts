import type { OutstandingPerson, VersionInForce } from './repository.js';
import { codeHref, readableDate } from './view-model.js';

export interface PaperValues {
  personId: number | undefined;
  signedOn: Record<string, string>;
}

/** The paper sign-off form: the council's code in force, who has still to sign it, the date. */
export function paperFormView(
  versions: VersionInForce[],
  chosen: { version: VersionInForce | null; authorityName: string; authorityId: number | null },
  outstanding: OutstandingPerson[],
  values: PaperValues,
  errors: Record<string, { text: string }>,
) {
  const version = chosen.version;
  return {
    authorityName: chosen.authorityName,
    authorityItems: versions.map((v) => ({
      value: v.authoritySlug,
      text: v.authorityName,
      selected: v.authorityId === chosen.authorityId,
    })),
    hasVersions: versions.length > 0,
    version: version
      ? {
          id: version.id,
          title: version.title,
          number: version.number,
          href: codeHref(version),
          inForceFrom: readableDate(version.inForceFrom),
          listHref: `/sign-offs?authority=${version.authoritySlug}`,
        }
      : null,
    outstandingCount: outstanding.length,
    personItems: [
      { value: '', text: 'Choose a person' },
      ...outstanding.map((p) => ({
        value: String(p.personId),
        text: `${p.familyName}, ${p.givenName}`,
        selected: p.personId === values.personId,
      })),
    ],
    raw: values.signedOn,
    errors,
  };
}
