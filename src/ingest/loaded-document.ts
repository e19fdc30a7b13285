import { UserError } from "../core/errors.js";

/** A block of text under one heading (or on one PDF page), as read from a source file. */
export type TextBlock = {
  heading?: string;
  page?: number;
  text: string;
};

export type LoadedDocument = {
  /** A title found in the file itself (first heading, HTML <title>), used when metadata has none. */
  title?: string;
  blocks: TextBlock[];
};

/**
 * A problem with one input file, reported to the maintainer in one Dutch line; `detail` keeps the
 * library's own (English, technical) message for the log at debug level.
 */
export class IngestError extends UserError {
  constructor(message: string, readonly detail?: string) {
    super("ingest_unreadable", message);
    this.name = "IngestError";
  }
}
