import type { App } from "@slack/bolt";
import type { SlackContext } from "../slack-context.js";
import { homeView } from "../slack-home-view.js";

/** The app's Home tab: what the person can do, and for tolken the open handoffs. */
export function registerAppHome(app: App, ctx: SlackContext): void {
  app.event("app_home_opened", async ({ event }) => {
    if ((event as { tab?: string }).tab && (event as { tab?: string }).tab !== "home") return;
    await ctx.client.views.publish({ user_id: event.user, view: homeView(ctx.core, event.user) });
  });
}
