import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";
import { CHROMIUM } from "../helpers/browser.js";
import { teamLinkSecret } from "../helpers/team-login.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebApp, type WebApp } from "../helpers/web-app.js";

/** The initiatievengids in the web chat: an asker's own profile, suggestions under answers, and the coordinators' page. */
describe.skipIf(!CHROMIUM)("web chat: the initiatievengids", () => {
  const temp = tempDir();
  let config: Config;
  let web: WebApp;
  const directory = <T>(use: (d: SqliteInitiativeDirectory) => T): T => {
    const db = openDatabase(config.databasePath);
    try { return use(new SqliteInitiativeDirectory(db)); } finally { db.close(); }
  };

  beforeAll(async () => {
    config = testConfig(temp.dir);
    web = await startWebApp(config);
  });
  afterAll(async () => {
    await web?.stop();
    temp.cleanup();
  });

  const ask = async (page: Page, text: string) => {
    const before = await page.locator(".message.assistant:not(.waiting)").count();
    await page.fill("#question", text);
    await page.press("#question", "Enter");
    return page.locator(".message.assistant:not(.waiting)").nth(before).waitFor().then(() => page.locator(".message.assistant:not(.waiting)").nth(before));
  };

  it("given an asker, when they fill in the form, then their initiative is in the gids; a bad website gets a Dutch message; another asker sees it suggested", async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    await page.goto(web.url);
    await page.click("#gids-link");
    await page.waitForURL(/\/initiatief$/);
    await page.fill("[name=name]", "Dorpshuis De Schakel");
    await page.fill("[name=place]", "Lopik");
    await page.fill("[name=municipality]", "Lopik");
    await page.fill("[name=themes]", "vervoer, dorpshuis");
    await page.fill("[name=experience]", "buurtbus sinds 2019; vrijwillige chauffeurs");
    await page.fill("[name=website]", "ftp://schakel");
    await page.fill("[name=contactName]", "Wim");
    await page.check("[name=contactable]");
    await page.click("#save");
    await expect.poll(() => page.textContent("#status")).toMatch(/de website moet beginnen met http/);
    await page.fill("[name=website]", "deschakel.nl");
    await page.click("#save");
    await expect.poll(() => page.textContent("#status")).toMatch(/Opgeslagen/);
    const userId = await page.evaluate(() => localStorage.getItem("vliegwiel-user"));
    const saved = directory((d) => d.get("dorpshuis-de-schakel-lopik"))!;
    expect(saved).toMatchObject({ website: "https://deschakel.nl", themes: ["vervoer", "dorpshuis"], contacts: [{ name: "Wim", handles: { web: userId }, contactable: true }] });

    // Its own asker is not offered their own initiative.
    await page.goto(web.url);
    const own = await ask(page, "Hoe beginnen we een buurtbus voor ouderen?");
    expect(await own.locator(".initiatives").count()).toBe(0);

    const other = await (await web.browser.newContext()).newPage();
    await other.goto(web.url);
    const reply = await ask(other, "Hoe beginnen we een buurtbus voor ouderen?");
    // Each suggestion has "Breng me in contact" beside it (the introductions).
    await expect.poll(() => reply.locator(".initiatives").textContent()).toBe("Dit hebben anderen al gedaan:Dorpshuis De Schakel in Lopik — buurtbus sinds 2019 Breng me in contact");
    expect(await reply.locator(".initiatives li").getAttribute("data-initiative")).toBe("dorpshuis-de-schakel-lopik");

    // Also under a question that goes to a person.
    const handed = await ask(other, "Hoeveel kost een elektrische buurtbus op dit moment?");
    expect(await handed.getAttribute("data-decision")).toBe("handoff");
    expect(await handed.locator(".initiatives li").getAttribute("data-initiative")).toBe("dorpshuis-de-schakel-lopik");

    const listed = await ask(other, "Welke initiatieven in Lopik doen iets met vervoer?");
    expect(await listed.locator(".initiatives li").textContent()).toBe("Dorpshuis De Schakel (Lopik) — buurtbus sinds 2019 Breng me in contact");

    // The person themselves can take the profile out at any time.
    page.on("dialog", (dialog) => dialog.accept());
    await page.goto(`${web.url}/initiatief`);
    await expect.poll(() => page.inputValue("[name=name]")).toBe("Dorpshuis De Schakel");
    await page.click("#remove");
    await expect.poll(() => page.textContent("#status")).toMatch(/Verwijderd uit de gids/);
    expect(directory((d) => d.get("dorpshuis-de-schakel-lopik"))).toBeUndefined();
    await context.close();
  }, 120_000);

  it("given an asker who opens the gids form first, then their id (the only key to edit their own profile) is made by the browser's crypto, as the chat page makes it", async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.url}/initiatief`);
    const userId = await page.evaluate(() => localStorage.getItem("vliegwiel-user"));
    expect(userId).toMatch(/^web-[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/);
    await context.close();
  });

  it("given an asker's own profile with other contacts, then the web chat shows them only their own contact line, and they cannot edit another's", async () => {
    directory((d) => d.save({
      name: "Voedseltuin Oost", place: "Zeist", themes: ["voedsel"], description: "Een tuin.", experience: "moestuin", seeking: "",
      contacts: [{ name: "Ans", handles: { web: "web-ans" }, contactable: true }, { name: "Piet", handles: { slack: "U0PIET" }, contactable: true }],
    }, { platform: "beheer", userId: "test" }));
    const mine = (await (await fetch(`${web.url}/api/gids/mine?userId=web-ans`)).json()) as { profiles: Array<{ contacts: unknown[] }> };
    expect(mine.profiles[0]!.contacts).toEqual([{ name: "Ans", handles: { web: "web-ans" }, contactable: true }]);
    const headers = { "content-type": "application/json", origin: web.url };
    const other = await fetch(`${web.url}/api/gids/profiles`, { method: "POST", headers, body: JSON.stringify({ userId: "web-kees", id: "voedseltuin-oost-zeist", profile: { name: "Overgenomen", contactName: "Kees" } }) });
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: string }).error).toMatch(/eigen initiatief/);
    const saved = await fetch(`${web.url}/api/gids/profiles`, { method: "POST", headers, body: JSON.stringify({ userId: "web-ans", id: "voedseltuin-oost-zeist", profile: { name: "Voedseltuin Oost", place: "Zeist", experience: "moestuin en kas", contactName: "Ans", contactable: true } }) });
    expect(saved.status).toBe(200);
    expect(directory((d) => d.get("voedseltuin-oost-zeist"))!.contacts.map((c) => c.name)).toEqual(["Piet", "Ans"]);
  });

  it("given a web asker who fills in someone else's Slack or Discord id, then it is not taken: only the platforms' own modals set those", async () => {
    const headers = { "content-type": "application/json", origin: web.url };
    const res = await fetch(`${web.url}/api/gids/profiles`, {
      method: "POST", headers,
      body: JSON.stringify({ userId: "web-mallory", profile: { name: "Nepclub", experience: "alles", contactName: "Mallory", slack: "U0VICTIM", discord: "4321", contactable: true } }),
    });
    expect(res.status).toBe(200);
    const { profile } = (await res.json()) as { profile: { id: string } };
    expect(directory((d) => d.get(profile.id))!.contacts).toEqual([{ name: "Mallory", handles: { web: "web-mallory" }, contactable: true }]);
    expect(directory((d) => d.ofMember({ platform: "slack", userId: "U0VICTIM" }))).toEqual([]);
    expect(directory((d) => d.remove(profile.id, { platform: "web", userId: "web-mallory" }))).toBe(true);
  });

  it("given a coordinator, then they confirm a suggestion from the documents only with a contact who agreed", async () => {
    directory((d) => d.save({ name: "Twentse Noabers", themes: [], description: "", experience: "", seeking: "", contacts: [], status: "suggested", suggestedFrom: "verslag.txt" }, { platform: "beheer", userId: "test" }));
    const page = await (await web.browser.newContext()).newPage();
    await page.goto(`${web.url}/tolk#sleutel=${teamLinkSecret(config.databasePath, "coordinator")}`);
    await page.click("#gids-link");
    await page.waitForURL(/\/tolk\/gids$/);
    const row = page.locator("tr[data-id=twentse-noabers]");
    await expect.poll(() => row.textContent()).toMatch(/voorstel uit verslag\.txt/);
    await row.locator("button").click();
    await page.fill("[name=experience]", "noaberschap: buren helpen buren in Twente");
    await page.click("#confirm");
    await expect.poll(() => page.textContent("#status")).toMatch(/pas zichtbaar als er een contactpersoon/);
    const contact = page.locator("#contacts .contact").first();
    await contact.locator("[name=c-name]").fill("Bram");
    await contact.locator("[name=c-discord]").fill("4242");
    await contact.locator("[name=c-contactable]").check();
    await page.click("#confirm");
    await expect.poll(() => page.textContent("#status")).toBe("Gepubliceerd.");
    expect(directory((d) => d.get("twentse-noabers"))).toMatchObject({ status: "published", contacts: [{ name: "Bram", handles: { discord: "4242" }, contactable: true }] });
    // The team view's signals have the gids's part: profiles per theme and region, suggestions shown.
    await page.goto(`${web.url}/tolk`);
    await expect.poll(() => page.textContent("#signals-report")).toMatch(/Initiatievengids:\n– 2 initiatieven in de gids, waarvan 2 met een contactpersoon[\s\S]*Initiatieven voorgesteld aan vragers: 3×/);
    // A tolk who does not coordinate cannot reach the gids's management.
    const tolk = await (await web.browser.newContext()).newPage();
    const loggedIn = tolk.waitForResponse((r) => r.url().endsWith("/api/tolk/sessie") && r.request().method() === "POST");
    await tolk.goto(`${web.url}/tolk#sleutel=${teamLinkSecret(config.databasePath, "tolk")}`);
    await loggedIn;
    await tolk.goto(`${web.url}/tolk/gids`);
    await expect.poll(() => tolk.textContent("#status")).toMatch(/Alleen coördinatoren/);
  }, 120_000);
});
