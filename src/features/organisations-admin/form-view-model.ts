import { CLASSIFICATIONS, COMMITTEE_TYPES, committeeTypeLabel } from './schemas.js';

type Values = Record<string, unknown>;
const same = (a: unknown, b: unknown) => a !== undefined && String(a) === String(b);

const HINTS: Partial<Record<keyof typeof CLASSIFICATIONS, string>> = {
  council: 'The council as a whole, which holds the ward seats. A council has only one.',
  'sub-committee': 'For example, a hearing panel of the standards committee.',
  'outside-body': 'A body the council appoints members to, such as a charity or a joint board.',
};

export function committeeTypeItems(values: Values, currentType?: string | null) {
  const items: { value: string; text: string; selected: boolean }[] = Object.entries(
    COMMITTEE_TYPES,
  ).map(([value, text]) => ({
    value,
    text,
    selected: same(values.committeeType, value),
  }));
  // A type stored before the list was agreed stays selectable, so saving keeps it.
  if (currentType && !Object.hasOwn(COMMITTEE_TYPES, currentType)) {
    items.push({
      value: currentType,
      text: `${committeeTypeLabel(currentType)} (its current type)`,
      selected: same(values.committeeType, currentType),
    });
  }
  return [{ value: '', text: 'Select a type', selected: !values.committeeType }, ...items];
}

export const trainingItems = (values: Values) => [
  { value: 'yes', text: 'Yes', checked: values.trainingRequired === 'yes' },
  { value: 'no', text: 'No', checked: values.trainingRequired === 'no' },
];

export function newOrganisationView(
  authority: { id: number; name: string },
  parents: { id: number; name: string }[],
  values: Values,
) {
  return {
    authority,
    values,
    classificationItems: Object.entries(CLASSIFICATIONS).map(([value, text]) => ({
      value,
      text,
      checked: values.classification === value,
      ...(HINTS[value as keyof typeof CLASSIFICATIONS]
        ? { hint: { text: HINTS[value as keyof typeof CLASSIFICATIONS] } }
        : {}),
    })),
    committeeTypeItems: committeeTypeItems(values),
    trainingItems: trainingItems(values),
    parentItems: [
      { value: '', text: 'Not a sub-committee' },
      ...parents.map((p) => ({
        value: String(p.id),
        text: p.name,
        selected: same(values.parentId, p.id),
      })),
    ],
  };
}

export function wardFormView(authorities: { id: number; name: string }[], values: Values) {
  return {
    values,
    authorityItems: [
      { value: '', text: 'Select a council' },
      ...authorities.map((a) => ({
        value: String(a.id),
        text: a.name,
        selected: same(values.authorityId, a.id),
      })),
    ],
    seatItems: ['1', '2', '3'].map((value) => ({
      value,
      text: value,
      checked: values.seats === value,
    })),
  };
}
