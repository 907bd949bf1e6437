/** The command's exit codes: scripts and CI branch on them. */
export const EXIT = {
  /** Everything evaluated is COMPLIANT (or NOT_APPLICABLE). */
  ok: 0,
  /** At least one evaluation is NON_COMPLIANT. */
  nonCompliant: 1,
  /** Bad input: an unknown flag, a missing or invalid file, an unknown rule id. */
  badInput: 2,
} as const;
