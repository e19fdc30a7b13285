/**
 * Watches whether work done in steps lets other callbacks run between its steps, as a Slack ack, a
 * Discord heartbeat or another web request waits for its turn: a callback that reschedules itself with
 * setImmediate notes at each turn of the event loop how many steps are done (`stepsDone`, a count
 * that only grows). `stop` says how many steps were done since the watch began, and at how many of the
 * counts in between (neither none nor all) such a turn came. A count of turns, not a time: the
 * machine's speed does not change it. Work done in one synchronous block shows no turn in between;
 * work that gives the loop back after each step shows about one turn per step.
 */
export function watchTurnsBetweenSteps(stepsDone: () => number): { stop(): Promise<{ steps: number; turnsBetween: number }> } {
  const before = stepsDone();
  const seen = new Set<number>();
  let watching = true;
  const turn = () => {
    seen.add(stepsDone());
    if (watching) setImmediate(turn);
  };
  setImmediate(turn);
  return {
    async stop() {
      await new Promise((resolve) => setImmediate(resolve)); // a turn waiting behind the last step notes it
      watching = false;
      const after = stepsDone();
      return { steps: after - before, turnsBetween: [...seen].filter((n) => n > before && n < after).length };
    },
  };
}
