/**
 * Errors with a stable code, as bolt-js has them: logs and tests use the code, never the wording.
 * A UserError is the person's input or a refused action (they get a clear Dutch message and nothing
 * is lost); a Fault is something that broke on our side or at a provider (logged, retried or
 * answered with a fallback).
 */
export type ErrorKind = "user" | "fault";

export abstract class CodedError extends Error {
  abstract readonly kind: ErrorKind;
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Bad input or a refused action: the message (Dutch) is meant for the person who caused it. */
export class UserError extends CodedError {
  readonly kind = "user" as const;
}

/** Something that broke (a database race, a provider down): logged with its code, never blamed on the user. */
export class Fault extends CodedError {
  readonly kind = "fault" as const;
}

/** The code of any thrown value, for logs: a CodedError's own code, else "unexpected". */
export function errorCode(error: unknown): string {
  return error instanceof CodedError ? error.code : "unexpected";
}
