/** The public addresses of the code of conduct, for links from this feature and others. */
export const codePaths = {
  /** every council and its code in force */
  index: '/code',
  /** the code in force for one council */
  inForce: (slug: string) => `/code/${slug}`,
  /** one published version; add `#para-2-1` for a paragraph */
  version: (slug: string, number: number) => `/code/${slug}/${number}`,
  /** a paragraph of a published version: the stable address other features link to */
  paragraph: (slug: string, number: number, anchor: string) => `/code/${slug}/${number}#${anchor}`,
  onlyLocal: (slug: string, number: number) => `/code/${slug}/${number}?only=local`,
  print: (slug: string, number: number) => `/code/${slug}/${number}/print`,
  word: (slug: string, number: number) => `/code/${slug}/${number}/word`,
  versions: (slug: string) => `/code/${slug}/versions`,
  compare: (slug: string, from: number, to: number) =>
    `/code/${slug}/compare?from=${from}&to=${to}`,
};

/** The file name of a version's Word download: `demo-city-code-of-conduct-v2.docx`. */
export const wordFileName = (slug: string, number: number): string =>
  `${slug}-code-of-conduct-v${number}.docx`;
