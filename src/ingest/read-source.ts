import fs from "node:fs";
import { megabytes } from "../core/dutch-numbers.js";
import { IngestError } from "./loaded-document.js";
import { isUrl } from "./collect-sources.js";
import { isRedirectLoop, PAGE_UNREACHABLE, TOO_MANY_REDIRECTS } from "./web-page-problems.js";

export type SourceBytes = { bytes: Buffer; /** name whose extension selects the loader */ name: string };

const EXTENSION_BY_TYPE: Record<string, string> = {
  "text/html": ".html",
  "application/xhtml+xml": ".html",
  "application/pdf": ".pdf",
  "text/plain": ".txt",
  "text/markdown": ".md",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
};

/** Reads a file or downloads a web page, refusing anything larger than the limit before reading it all. */
export async function readSource(source: string, maxBytes: number, fetchImpl: typeof fetch = fetch): Promise<SourceBytes> {
  const limitText = megabytes(maxBytes);
  if (!isUrl(source)) {
    const size = fs.statSync(source).size;
    if (size > maxBytes) {
      throw new IngestError(`bestand is te groot (${megabytes(size)}; maximum ${limitText}, in te stellen met INGEST_MAX_FILE_MB)`);
    }
    return { bytes: fs.readFileSync(source), name: source };
  }
  let response: Response;
  try {
    response = await fetchImpl(source, { signal: AbortSignal.timeout(30_000), redirect: "follow" });
  } catch (error) {
    if (error instanceof IngestError) throw error; // a refusal with its own reason (an address not allowed)
    const reason = timedOut(error) ? TIMED_OUT : isRedirectLoop(error) ? TOO_MANY_REDIRECTS : PAGE_UNREACHABLE;
    throw new IngestError(reason, (error as Error).message);
  }
  if (!response.ok) throw new IngestError(`de pagina gaf foutcode ${response.status}${response.status === 404 ? " (niet gevonden)" : ""}`);
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new IngestError(`pagina is te groot (maximum ${limitText})`);
  const bytes = await readAtMost(response, maxBytes).catch((error: Error) => {
    // The page began to come in and then stalled or was cut off: say so, not "onverwachte fout".
    throw new IngestError(timedOut(error) ? TIMED_OUT : "de verbinding met de pagina viel weg tijdens het lezen; probeer het later nog eens", error.message);
  });
  if (!bytes) throw new IngestError(`pagina is te groot (maximum ${limitText})`);
  const type = (response.headers.get("content-type") ?? "text/html").split(";")[0]!.trim().toLowerCase();
  const extension = EXTENSION_BY_TYPE[type];
  if (!extension) throw new IngestError(`inhoudstype ${type} wordt niet ondersteund`);
  return { bytes, name: `page${extension}` };
}

const TIMED_OUT = "de pagina antwoordde niet op tijd; probeer het later nog eens";

/** The request's time ran out (AbortSignal.timeout), before the answer or while its body came in. */
function timedOut(error: unknown): boolean {
  return error instanceof Error && error.name === "TimeoutError";
}

/** The body of a response, or undefined as soon as it passes the limit (a page without Content-Length is not read whole). */
async function readAtMost(response: Response, maxBytes: number): Promise<Buffer | undefined> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
}
