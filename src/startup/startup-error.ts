/** A reason the server cannot start, already worded for the operator: printed as one line, no stack. */
export class StartupError extends Error {}
