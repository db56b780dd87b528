/** Folds case and accents so that "vahankyron" finds "Vähänkyrön seurakunta". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Key under which two spellings of one organisation's name meet (case, accents, punctuation, spacing). */
export function nameKey(name: string): string {
  return foldText(name).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A readable, stable id fragment from a name: "Kuusamon kaupunki" → "kuusamon-kaupunki". */
export function slug(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
