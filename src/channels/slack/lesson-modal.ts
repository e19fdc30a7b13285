import type { App, types } from "@slack/bolt";
import { MAX_LESSON_CHARS } from "../../core/introductions/lesson-machine.js";
import { lessonTexts } from "../../core/introductions/lesson-texts.js";
import type { SlackContext } from "./slack-context.js";
import { escapeSlack } from "./slack-escape.js";
import { postDmOnce, submissionKey } from "./slack-dm-once.js";

/** The modal's callback id; its private metadata holds the introduction the lesson is about. */
export const LESSON_CALLBACK = "intro_les";

/**
 * "Deel wat je leerde" as a Slack modal: a few sentences, and an explicit choice whether the
 * coordinators may see them for the knowledge store (no is the default). Prefilled when the person
 * wrote one before and the coordinators did not decide yet.
 */
export function lessonView(introductionId: string, form: { text?: string; shared: boolean; language?: "en" }): types.ModalView {
  const texts = lessonTexts(form.language);
  const options = [
    { text: { type: "plain_text" as const, text: texts.shareNo }, value: "nee" },
    { text: { type: "plain_text" as const, text: texts.shareYes }, value: "ja" },
  ];
  return {
    type: "modal",
    callback_id: LESSON_CALLBACK,
    title: { type: "plain_text", text: texts.title },
    submit: { type: "plain_text", text: texts.save },
    close: { type: "plain_text", text: texts.cancel },
    private_metadata: JSON.stringify({ introductionId }),
    blocks: [
      { type: "section", text: { type: "plain_text", text: texts.intro } },
      {
        type: "input",
        block_id: "lesson",
        label: { type: "plain_text", text: texts.label },
        element: {
          type: "plain_text_input", action_id: "value", multiline: true, max_length: MAX_LESSON_CHARS,
          placeholder: { type: "plain_text", text: texts.placeholder }, ...(form.text ? { initial_value: form.text } : {}),
        },
      },
      {
        type: "input",
        block_id: "share",
        label: { type: "plain_text", text: texts.shareQuestion },
        element: { type: "radio_buttons", action_id: "value", options, initial_option: form.shared ? options[1] : options[0] },
      },
    ],
  };
}

/** Opens the modal at once (a trigger is valid for 3 seconds); resolves to a refusal text when the person cannot write one. */
export async function openLessonModal(ctx: SlackContext, triggerId: string, userId: string, introductionId: string): Promise<string | undefined> {
  const form = ctx.core.lessons.form({ platform: ctx.name, userId }, introductionId);
  if (!form.ok) return form.text;
  await ctx.client.views.open({ trigger_id: triggerId, view: lessonView(introductionId, form) });
  return undefined;
}

type StateValues = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

/** The submitted modal: saved (and confirmed in the person's DM), or the problem shown at the text field. */
export function registerLessonModal(app: App, ctx: SlackContext): void {
  app.view(LESSON_CALLBACK, async ({ ack, body, view }) => {
    const values = view.state.values as StateValues;
    const { introductionId } = JSON.parse(view.private_metadata || "{}") as { introductionId?: string };
    const triggerId = (body as { trigger_id?: string }).trigger_id;
    const key = submissionKey(body);
    const reply = ctx.core.lessons.submit({
      author: { platform: ctx.name, userId: body.user.id },
      introductionId: introductionId ?? "",
      text: values.lesson?.value?.value ?? "",
      share: values.share?.value?.selected_option?.value === "ja",
      eventKey: triggerId ? key : undefined,
    });
    if (!reply.ok) return void (await ack({ response_action: "errors", errors: { lesson: reply.text } }));
    await ack();
    // Once, also when a connection is cut under it (keyed by the submission: delivered again, not posted again).
    await postDmOnce(ctx, key, body.user.id, escapeSlack(reply.text));
  });
}
