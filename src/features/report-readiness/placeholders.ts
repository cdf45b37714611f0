/**
 * Text left for someone to fill in: a bracketed question such as "(November/December 2020?)",
 * "YES/NO", "TBC" or "TBA", anything in square brackets ("[date]", "[name]"), "XX" or "xx" on
 * its own, and "??". Each found placeholder is returned as written.
 */
const PATTERNS: readonly RegExp[] = [
  /\([^()\n]*\?\s*\)/g,
  /\[[^\][\n]*\]/g,
  /\b(?:YES|Yes)\s*\/\s*(?:NO|No)\b/g,
  /\bTB[CA]\b/gi,
  /(?<![\p{L}\p{N}])(?:XX+|xx+)(?![\p{L}\p{N}])/gu,
  /\?\?+/g,
];

export function findPlaceholders(text: string): string[] {
  const found: { index: number; text: string }[] = [];
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const inside = found.some(
        (f) => match.index >= f.index && match.index < f.index + f.text.length,
      );
      if (!inside) found.push({ index: match.index, text: match[0] });
    }
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.text);
}
