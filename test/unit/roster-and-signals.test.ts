import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { detectTheme } from "../../src/core/handoff/detect-theme.js";
import type { Handoff } from "../../src/core/handoff/handoff-types.js";
import { formatSignalReport, signalReportCsv } from "../../src/core/handoff/signal-report-text.js";
import { buildSignalReport, regionInQuestion } from "../../src/core/handoff/signal-report.js";
import { YamlRoster } from "../../src/store/yaml-roster.js";
import { tempDir } from "../helpers/temp-knowledge.js";

describe("roster file", () => {
  let temp: ReturnType<typeof tempDir>;
  let file: string;
  const errors: string[] = [];
  const write = (yaml: string, mtime: number) => {
    fs.writeFileSync(file, yaml);
    fs.utimesSync(file, mtime, mtime);
  };
  beforeEach(() => {
    temp = tempDir();
    file = path.join(temp.dir, "roster.yaml");
    errors.length = 0;
  });
  afterEach(() => temp.cleanup());

  it("given themes, then questions are routed to the matching people, else to the general pool", () => {
    write(
      `coordinators: [{ id: carla, name: Carla }]
members:
  - { id: anna, name: Anna, themes: [financiering], slack: U111 }
  - { id: bram, name: Bram, themes: [energie], pool: false }
  - { id: cees, name: Cees, themes: [] }`,
      1000,
    );
    const roster = new YamlRoster(file);
    expect(roster.route("financiering").map((p) => p.userId)).toEqual(["anna"]);
    expect(roster.route("Energie").map((p) => p.userId)).toEqual(["bram"]);
    expect(roster.route("wonen").map((p) => p.userId)).toEqual(["anna", "cees"]);
    expect(roster.route(undefined).map((p) => p.userId)).toEqual(["anna", "cees"]);
    expect(roster.isMember("U111")).toBe(true);
    expect(roster.find("U111")).toEqual({ userId: "anna", name: "Anna" });
    expect(roster.isMember("nobody")).toBe(false);
    expect(roster.isCoordinator("carla")).toBe(true);
    expect(roster.isCoordinator("anna")).toBe(false);
  });

  it("given an edit on disk, then it applies without a restart; a broken edit keeps the last good roster", () => {
    write("members: [{ id: anna, name: Anna }]", 1000);
    const roster = new YamlRoster(file, (m) => errors.push(m));
    expect(roster.isMember("bram")).toBe(false);
    write("members: [{ id: anna, name: Anna }, { id: bram, name: Bram }]", 2000);
    expect(roster.isMember("bram")).toBe(true);
    write("members: [{ id: , name: }", 3000);
    expect(roster.isMember("bram")).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^de roster .+ klopt niet \(.+\); de laatste goede roster blijft gelden tot het verbeterd is$/);
  });

  it("given kennis -- vergeet, then a person on the roster is found by their id on that platform or by roster:<id>, never by another platform's", () => {
    write("members: [{ id: anna, name: Anna Appel, slack: U111, discord: '222' }]", 1000);
    const roster = new YamlRoster(file);
    const anna = { ids: ["anna", "U111", "222"], name: "Anna Appel", accounts: ["slack:U111", "discord:222"] };
    expect(roster.identity("slack", "U111")).toEqual(anna);
    expect(roster.identity("roster", "anna")).toEqual(anna);
    // A web chat asker who called themselves "anna" or "U111" is not the tolk.
    expect(roster.identity("web", "anna")).toBeUndefined();
    expect(roster.identity("discord", "U111")).toBeUndefined();
    expect(roster.identity("slack", "anna")).toBeUndefined();
  });

  it("given no roster file, then nobody is a member and it is reported once", () => {
    const roster = new YamlRoster(path.join(temp.dir, "missing.yaml"), (m) => errors.push(m));
    expect(roster.isMember("anna")).toBe(false);
    expect(roster.route(undefined)).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^de roster .+missing\.yaml bestaat niet: niemand kan doorgegeven vragen oppakken$/);
  });
});

describe("theme detection", () => {
  it("given a question with a roster theme's words, then that theme", () => {
    expect(detectTheme("Welke financiering is er voor ons dorpshuis?", ["energie", "financiering"])).toBe("financiering");
    expect(detectTheme("Hoe vraag ik een evenementenvergunning aan?", ["vergunningen"])).toBe("vergunningen");
    expect(detectTheme("Hoe werken we samen met de overheid?", ["samenwerking overheid"])).toBeUndefined();
  });

  it("given no matching words, then a theme of the best document that the roster covers", () => {
    expect(detectTheme("Hoe pakken anderen dit aan?", ["energie", "wonen"], ["voedsel", "wonen"])).toBe("wonen");
  });

  it("given a document about several of the roster's themes, then no theme is guessed from it", () => {
    const verslag = ["samenwerking overheid", "financiering", "vrije actoren", "energie", "wonen"];
    const roster = ["financiering", "samenwerking overheid", "vergunningen", "vrijwilligers", "energie", "wonen", "zorg"];
    expect(detectTheme("Wie is de penningmeester van de dorpsraad?", roster, verslag)).toBeUndefined();
  });
});

describe("signals", () => {
  const handoff = (question: string, status: Handoff["status"], theme?: string, createdAt = "2026-11-20T10:00:00Z"): Handoff => ({
    id: question, status, question, theme, createdAt, findings: [], routedTo: [], answers: [], remindersSent: 0, escalated: false,
    asker: { userId: "u", name: "n", channel: "web", conversationId: "c" },
  });

  it("given handoffs in a period, then only shared ones count as handed to a person, with themes, regions, weeks and words", () => {
    const report = buildSignalReport({
      since: new Date("2026-11-01T00:00:00Z"),
      now: new Date("2026-11-28T12:00:00Z"),
      handoffs: [
        handoff("Wie betaalt de buurtbatterij in Amersfoort?", "open", "energie"),
        handoff("Subsidie voor de buurtbatterij van de gemeente Zeist?", "resolved", "energie", "2026-11-25T10:00:00Z"),
        handoff("Vergunning voor het buurtfeest in Amersfoort?", "claimed", "vergunningen"),
        handoff("Hoe staat het met de buurtbatterij?", "awaiting_consent", "energie"),
        handoff("Waar staat de buurtbatterij?", "declined"),
        handoff("Where is the home battery located at home?", "open"),
        handoff("Oude vraag over de buurtbatterij", "resolved", "energie", "2026-09-01T00:00:00Z"),
      ],
      counts: { asked: 10, handedOff: 6 },
      knownRegions: ["Amersfoort", "Utrecht"],
    });
    expect(report.shared).toEqual({ open: 2, claimed: 1, resolved: 1 });
    expect(report.notShared).toBe(2);
    expect(report.themes).toEqual([{ theme: "energie", count: 2 }, { theme: "overig", count: 1 }, { theme: "vergunningen", count: 1 }]);
    expect(report.regions).toEqual([{ region: "Amersfoort", count: 2, themes: ["energie", "vergunningen"] }, { region: "Zeist", count: 1, themes: ["energie"] }]);
    expect(report.weeks.find((w) => w.week === "2026-W48")).toEqual({ week: "2026-W48", count: 1 });
    expect(report.recurringWords).toEqual([{ word: "buurtbatterij", count: 2 }]);

    const text = formatSignalReport(report);
    expect(text).toContain("10 vragen gesteld, 6 konden niet uit de kennisbank beantwoord worden");
    expect(text).toContain("Doorgegeven aan een mens: 4 (2 open, 1 opgepakt, 1 afgesloten). Niet gedeeld of nog zonder toestemming: 2.");
    expect(text).toContain("– Amersfoort: 2× (energie, vergunningen)");
    expect(text.slice(text.indexOf("Steeds terugkerend"))).toBe("Steeds terugkerend in doorgegeven vragen:\n– buurtbatterij: 2×");
    expect(text).toContain("Per week:\n– 2026-W44: 0\n– 2026-W45: 0\n– 2026-W46: 0\n– 2026-W47: 3\n– 2026-W48: 1");
    const csv = signalReportCsv(report).replace(/^\uFEFF/, "").split("\r\n");
    expect(csv[0]).toBe("datum;status;thema;gemeente of regio;vraag");
    expect(csv).toContain("2026-11-25;afgesloten;energie;Zeist;Subsidie voor de buurtbatterij van de gemeente Zeist?");
  });

  it("given a question naming a place, then the gemeente or region is found", () => {
    expect(regionInQuestion("Hoe gaat de gemeente Hof van Twente hiermee om?", [])).toBe("Hof van Twente");
    expect(regionInQuestion("Wat doet de gemeente 's-Hertogenbosch?", [])).toBe("'s-Hertogenbosch");
    expect(regionInQuestion("Subsidie in noordoost-utrecht?", ["Noordoost-Utrecht", "Utrecht"])).toBe("Noordoost-Utrecht");
    expect(regionInQuestion("Hoe werkt een dorpsraad?", ["Utrecht"])).toBeUndefined();
  });
});

describe("texts for the asker", () => {
  it("given the team chose to hide names, then relayed answers do not name the helper", async () => {
    const { relayText, askerNoticeText } = await import("../../src/core/handoff/handoff-texts.js");
    const anna = { userId: "anna", name: "Anna" };
    expect(relayText(anna, "Bel de gemeente.", { showHelperNames: false })).toBe("Antwoord van een tolk uit het netwerk (een mens):\nBel de gemeente.");
    expect(relayText(anna, "Bel de gemeente.")).toBe("Antwoord van Anna (een mens uit het netwerk):\nBel de gemeente.");
    const handoff = { claimedBy: anna } as Parameters<typeof askerNoticeText>[1];
    expect(askerNoticeText("claimed", handoff, { showHelperNames: false })).toBe("Een tolk uit het netwerk heeft je vraag opgepakt. Het antwoord komt hier.");
  });
});
