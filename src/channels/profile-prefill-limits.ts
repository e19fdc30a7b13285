import { PROFILE_LIMITS } from "../core/gids/profile-rules.js";

/**
 * The longest a profile form field in a chat platform's modal may be (its max_length): what was saved must
 * fit as the prefill, or Slack and Discord refuse the modal and it does not open. All themes with ", "
 * between them (8 of 40 letters: 334), and "kern, gemeente" (162).
 */
export const PREFILL_LIMITS = {
  themes: PROFILE_LIMITS.themes * PROFILE_LIMITS.theme + (PROFILE_LIMITS.themes - 1) * 2,
  where: PROFILE_LIMITS.place * 2 + 2,
} as const;
