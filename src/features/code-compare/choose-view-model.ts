import type { CodeVersion } from '../code-of-conduct/index.js';
import type { ErrorSummaryItem } from '../../platform/forms.js';
import type { CodeAuthority } from './repository.js';
import { versionName, versionOption } from './labels.js';
import { paths } from './paths.js';

/** What the person picked (as typed) and what was wrong with it, to show the form again. */
export interface ChooseState {
  values?: Record<string, string>;
  showAll?: boolean;
  errors?: Record<string, { text: string }>;
  errorList?: ErrorSummaryItem[];
}

const options = (
  versions: readonly CodeVersion[],
  selected: string,
  value: (v: CodeVersion) => number,
) =>
  versions.map((v) => ({
    value: String(value(v)),
    text: versionOption(v),
    selected: String(value(v)) === selected,
  }));

const select = (
  name: string,
  label: string,
  items: ReturnType<typeof options>,
  state: ChooseState,
) => ({
  id: name,
  name,
  label: { text: label, classes: 'govuk-label--s' },
  items,
  ...(state.errors?.[name] ? { errorMessage: state.errors[name] } : {}),
});

const showAllCheckbox = (state: ChooseState) => ({
  idPrefix: 'all',
  name: 'all',
  items: [{ value: '1', text: 'Show unchanged paragraphs too', checked: state.showAll === true }],
});

/**
 * The public form: two published versions, by number. By default the one in force (or the
 * newest) and the one before it, so pressing the button shows the latest changes.
 */
export function publicChooseView(
  authority: CodeAuthority,
  versions: readonly CodeVersion[],
  state: ChooseState = {},
) {
  const newest = versions.find((v) => v.status === 'in-force') ?? versions[0];
  const previous = versions.find((v) => newest && v.number < newest.number);
  const from = state.values?.from ?? String(previous?.number ?? '');
  const to = state.values?.to ?? String(newest?.number ?? '');
  const caption = `${authority.name}: code of conduct`;
  return {
    pageTitle: `Compare versions of the code of conduct – ${authority.name}`,
    caption,
    heading: 'Compare versions of the code of conduct',
    breadcrumbs: {
      items: [
        { text: 'Home', href: '/' },
        { text: 'Codes of conduct', href: paths.codeIndex() },
        { text: `${authority.name} code of conduct`, href: paths.code(authority.slug) },
      ],
    },
    intro:
      'Choose two published versions of the code to see what changed between them: paragraphs added, removed, moved or reworded, and which are local additions.',
    tooFew:
      versions.length < 2
        ? `${authority.name} has ${versions.length === 1 ? 'published only one version' : 'not published a version'} of its code, so there is nothing to compare yet.`
        : null,
    action: paths.publicCompare(authority.slug),
    selects: [
      select(
        'from',
        'From (the earlier version)',
        options(versions, from, (v) => v.number),
        state,
      ),
      select(
        'to',
        'To (the later version)',
        options(versions, to, (v) => v.number),
        state,
      ),
    ],
    showAllCheckbox: showAllCheckbox(state),
    errorList: state.errorList ?? [],
  };
}

/**
 * The administrators' form: another version of the same authority's code, drafts included.
 * By default the version this one was copied from, or else the one in force, or the newest.
 */
export function adminChooseView(
  version: CodeVersion,
  others: readonly CodeVersion[],
  state: ChooseState = {},
) {
  const suggested =
    others.find((v) => v.id === version.based_on_version_id) ??
    others.find((v) => v.status === 'in-force') ??
    others[0];
  const selected = state.values?.with ?? String(suggested?.id ?? '');
  const caption = `${version.authorityName}: code of conduct`;
  return {
    pageTitle: `Compare ${versionName(version).toLowerCase()} with another – ${version.authorityName}`,
    caption,
    heading: `Compare ${versionName(version).toLowerCase()} with another version`,
    breadcrumbs: {
      items: [
        { text: 'Codes of conduct', href: paths.adminCodeIndex() },
        { text: version.authorityName, href: paths.adminCode(version.authoritySlug) },
        { text: versionName(version), href: paths.adminVersion(version.id) },
      ],
    },
    intro:
      'Any two versions of this council’s code can be compared, drafts included. The changes are shown from the earlier version to the later one.',
    tooFew:
      others.length === 0
        ? `${version.authorityName} has no other version of its code to compare with.`
        : null,
    action: paths.adminCompare(version.id),
    selects: [
      select(
        'with',
        'Compare with',
        options(others, selected, (v) => v.id),
        state,
      ),
    ],
    showAllCheckbox: showAllCheckbox(state),
    errorList: state.errorList ?? [],
  };
}
