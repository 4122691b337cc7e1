/** "1 call", "2 calls": counts in every sentence Rapport writes. */
export function plural(n: number | bigint, word: string, many = `${word}s`): string {
  return `${n} ${Number(n) === 1 ? word : many}`;
}
