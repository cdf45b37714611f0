import type { CodeVersionStatus } from '../../db/schema.js';

/** Each status as people read it, and the colour of its tag. */
export const STATUS_LABELS: Record<CodeVersionStatus, string> = {
  draft: 'Draft',
  consultation: 'Under consultation',
  agreed: 'Agreed by committee',
  adopted: 'Adopted, not yet in force',
  'in-force': 'In force',
  superseded: 'Superseded',
  withdrawn: 'Withdrawn',
};

const TAG_CLASSES: Record<CodeVersionStatus, string> = {
  draft: 'govuk-tag--grey',
  consultation: 'govuk-tag--light-blue',
  agreed: 'govuk-tag--purple',
  adopted: 'govuk-tag--turquoise',
  'in-force': 'govuk-tag--green',
  superseded: 'govuk-tag--yellow',
  withdrawn: 'govuk-tag--red',
};

/** A GOV.UK tag for a status, as macro params. */
export const statusTag = (status: CodeVersionStatus) => ({
  text: STATUS_LABELS[status],
  classes: TAG_CLASSES[status],
});

/** The same tag as HTML, for a table cell. */
export const statusTagHtml = (status: CodeVersionStatus): string =>
  `<strong class="govuk-tag ${TAG_CLASSES[status]}">${STATUS_LABELS[status]}</strong>`;
