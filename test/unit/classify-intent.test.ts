import { describe, expect, it } from "vitest";
import { classifyIntent } from "../../src/core/decision/classify-intent.js";

describe("classifyIntent", () => {
  it.each([
    ["", "empty"],
    ["   ?!  ", "empty"],
    ["Hoi!", "greeting"],
    ["goedemorgen allemaal", "greeting"],
    ["Dank je wel!", "thanks"],
    ["bedankt, dit helpt", "thanks"],
    ["help", "help"],
    ["wat kun je?", "help"],
    ["Ik wil een mens spreken", "human"],
    ["Kan ik met iemand praten over onze situatie?", "human"],
    ["Graag contact met een tolk", "human"],
    ["Welke rol kan een vrije actor spelen bij de provincie?", "question"],
    ["Hoe houden we vrijwilligers vast?", "question"],
    ["Hoi, hoe krijgen we jongeren betrokken bij ons dorpshuis?", "question"],
  ])("given %j, then %s", (message, intent) => {
    expect(classifyIntent(message)).toBe(intent);
  });
});
