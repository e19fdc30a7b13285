import type { LessonTexts } from "./lesson-texts.js";

/** The learning loop's texts for an asker who asked in English (coordinators read Dutch). */
export const LESSON_EN: LessonTexts = {
  button: "Share what you learned",
  title: "What did you learn?",
  intro: "Would you like to tell in a few sentences what you learned or what worked? You may, you do not have to. Please write no names of others.",
  label: "What did you learn, what worked?",
  placeholder: "For example: start small, with two regular volunteers and one fixed day.",
  shareQuestion: "May this go to the coordinators, as a proposal for the knowledge base?",
  shareYes: "Yes, share it (without my name)",
  shareNo: "No, just for myself",
  shareBox: "Share this with the coordinators, as a proposal for the knowledge base (without my name)",
  save: "Save",
  cancel: "Cancel",
  savedPrivate: "Thank you! Your lesson stays with you: nobody else sees it. If you want to share it later after all, press \"Share what you learned\" again.",
  savedShared: "Thank you! The coordinators see your lesson as a proposal for the knowledge base, without your name. They decide whether it goes in.",
  unchanged: "I had already saved it like that. Thank you!",
  askShare: "Thank you, I saved it (just for you). May it go to the coordinators, as a proposal for the knowledge base?",
  refused: {
    not_in_introduction: "This form is not meant for you.",
    not_introduced: "This introduction did not come about; there is nothing to share (yet).",
    empty: "Please first write in a few sentences what you learned.",
    too_long: "That is rather a lot: please keep it to a few sentences (at most 1500 characters).",
    decided: "The coordinators have already decided on this; your lesson no longer changes.",
    not_proposed: "This lesson has not been shared with the coordinators (yet).",
    unknown: "I cannot find this introduction (any more).",
  },
};
