/** The parts of the `nlp-corpus` package that scripts/written-english.ts uses (it ships no types). */
declare module 'nlp-corpus' {
  const corpus: {
    /** Every sentence of the corpus. */
    all(): string[];
  };
  export default corpus;
}
