// A borrower's name in the work queue shows only its first and last characters (王*英, 张*), so a list
// on a screen does not give away who owes; the task page, opened for work, shows it in full.
export function maskName(name: string | null): string | null {
  if (name === null) return null;
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join("");
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(Math.min(chars.length - 2, 4))}${chars[chars.length - 1]}`;
}
