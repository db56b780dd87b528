/**
 * Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit.
 * Weights 7,9,10,5,8,4,2; remainder 0 gives 0, remainder 1 is never issued, else 11 − remainder.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

export function businessIdCheckDigit(sevenDigits: string): number | null {
  const sum = [...sevenDigits].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i], 0);
  const remainder = sum % 11;
  if (remainder === 1) return null;
  return remainder === 0 ? 0 : 11 - remainder;
}

/** Returns the canonical form ('0208916-8'), or null when the text is not a valid business ID. */
export function normaliseBusinessId(text: string): string | null {
  // Old IDs were issued with six digits; they are written with a leading zero today.
  const match = /^\s*(\d{6,7})-?(\d)\s*$/.exec(text);
  if (!match) return null;
  const digits = match[1].padStart(7, '0');
  return businessIdCheckDigit(digits) === Number(match[2]) ? `${digits}-${match[2]}` : null;
}
