// Counted nouns for labels people read ("1 rule", "3 rules"), so no surface prints "1 rules" or
// hedges with "rule(s)". English only: the extension's UI is not localised.

/** `count` followed by the noun, singular for exactly one; `pluralNoun` for irregular plurals. */
export function counted(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
