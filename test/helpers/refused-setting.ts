import { expect } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

/** The message start-up stops with for one setting's value (a ConfigError); fails the test when the value is accepted. */
export function refusedSetting(name: string, value: string): string {
  try {
    loadConfig({ [name]: value });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`${name}=${value} was accepted`);
}
