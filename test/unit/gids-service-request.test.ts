import { describe, expect, it } from "vitest";
import type { InitiativeProfile } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import { asksForService } from "../../src/core/gids/service-request.js";
import { SUGGEST_MODEL } from "../../src/core/gids/suggest-model.js";

const profile = (id: string, over: Partial<InitiativeProfile>): InitiativeProfile => ({
  id, name: id, themes: [], description: "", experience: "", seeking: "", status: "published",
  contacts: [{ name: "Iemand", handles: { slack: `U${id}` }, contactable: true }], ...over,
} as unknown as InitiativeProfile);

describe("initiatievengids: a request for a job to be done is not a question about experience", () => {
  it("given someone asked to do a job for the asker, then a service request (Dutch and English)", () => {
    expect(asksForService("Onze wasmachine lekt. Wie kan die komen repareren?")).toBe(true);
    expect(asksForService("Kan iemand volgende week de tafels voor ons ophalen bij de kerk?")).toBe(true);
    expect(asksForService("Kent iemand een elektricien die onze lampen kan installeren?")).toBe(true);
    expect(asksForService("Wie kan ons helpen aan twintig klapstoelen?")).toBe(true);
    expect(asksForService("Wie kan ons helpen met kanotochten voor scholen?")).toBe(false);
    // Asking who wants to do it together is no job for hire.
    expect(asksForService("Wie wil met ons een buurtbus regelen?")).toBe(false);
    expect(asksForService("Wie kan ons helpen met het regelen van een vergunning voor het dorpsfeest?")).toBe(false);
    expect(asksForService("Can anyone fix the heating in our village hall?")).toBe(true);
  });

  it("given a question for experience or advice, or about starting something, then no service request", () => {
    expect(asksForService("Wie heeft ervaring met het repareren van wasmachines?")).toBe(false);
    expect(asksForService("Wie repareert dat al en kan ons op weg helpen?")).toBe(false);
    expect(asksForService("Wie kan ons vertellen hoe je een buurtbus regelt?")).toBe(false);
    expect(asksForService("Wie kan ons helpen een repaircafé op te zetten?")).toBe(false);
    expect(asksForService("Kunnen we als dorp zelf een busje laten rijden? Hoe hebben anderen dat gedaan?")).toBe(false);
    expect(asksForService("Who has done this before and can tell us how to fix it?")).toBe(false);
  });

  it("given a profile that repairs things, then it is suggested for a question about its experience but not for a job request", () => {
    const profiles = [
      profile("repaircafe", { themes: ["repareren", "hergebruik"], experience: "wasmachines en fietsen repareren met vrijwilligers; een maandelijks repaircafé", description: "Wij gooien niets weg." }),
      profile("buurtbus", { themes: ["vervoer"], experience: "een buurtbus met vrijwillige chauffeurs", description: "Wij rijden mensen rond." }),
    ];
    const matcher = new GidsMatcher({ list: () => profiles }, undefined, undefined, SUGGEST_MODEL);
    const ids = (q: string) => matcher.match(q).map((m) => m.initiative.id);
    expect(ids("Hoe beginnen we met wasmachines repareren met vrijwilligers?")).toEqual(["repaircafe"]);
    expect(ids("Onze wasmachine is kapot. Kent iemand vrijwilligers die wasmachines kunnen repareren?")).toEqual([]);
  });
});
