import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { errorCode, Fault, UserError } from "../../src/core/errors.js";
import { VersionConflict } from "../../src/core/handoff/handoff-repository.js";
import { GenerationUnavailable } from "../../src/core/ports.js";
import { IngestError } from "../../src/ingest/loaded-document.js";
import { MalformedReplyError, ProviderUnavailableError } from "../../src/providers/retry.js";

describe("errors with codes", () => {
  it("given a bad setting, then loading fails with a user error coded config_invalid that names the variable", () => {
    let caught: unknown;
    try {
      loadConfig({ WEB_PORT: "geen-getal" }, "/tmp");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect(caught).toBeInstanceOf(UserError);
    expect(caught).toMatchObject({ kind: "user", code: "config_invalid" });
    expect((caught as Error).message).toContain("WEB_PORT");
  });

  it("given each error the app throws, then user errors and faults are told apart by kind and a stable code", () => {
    expect(new IngestError("het bestand is leeg")).toMatchObject({ kind: "user", code: "ingest_unreadable" });
    expect(new VersionConflict("h1")).toMatchObject({ kind: "fault", code: "handoff_conflict" });
    expect(new GenerationUnavailable("budget", "spent")).toMatchObject({ kind: "fault", code: "generation_budget_spent" });
    expect(new GenerationUnavailable("unavailable", "down")).toMatchObject({ kind: "fault", code: "generation_unavailable" });
    expect(new MalformedReplyError("bad json")).toMatchObject({ kind: "fault", code: "provider_malformed_reply" });
    expect(new ProviderUnavailableError("down", 3)).toMatchObject({ kind: "fault", code: "provider_unavailable" });
    expect(new VersionConflict("h1")).toBeInstanceOf(Fault);
  });

  it("given any thrown value, then errorCode gives its code or 'unexpected'", () => {
    expect(errorCode(new IngestError("leeg"))).toBe("ingest_unreadable");
    expect(errorCode(new Error("boom"))).toBe("unexpected");
    expect(errorCode("a string")).toBe("unexpected");
  });
});
