// Defaults the command-line help states and the commands apply, kept apart from the commands so
// the help is printed without loading any command's code.

/** Default per-pack time limit (s): a 300-page scan at ~5 s a page, with room to spare. */
export const DEFAULT_TIMEOUT_S = 1800
