import { codePaths, showCodeDate, type PrincipalCode } from '../code-of-conduct/index.js';

/** Each principal council's code in force, as the start page links to it. */
export function startCodesView(codes: PrincipalCode[]) {
  return {
    allCodesHref: codePaths.index,
    codes: codes.map((code) => ({
      name: code.name,
      href: code.title ? codePaths.inForce(code.slug) : null,
      title: code.title,
      since: code.inForceFrom ? showCodeDate(code.inForceFrom) : null,
    })),
  };
}
