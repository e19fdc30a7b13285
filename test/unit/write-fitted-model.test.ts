import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFittedModel } from "../../src/eval/write-fitted-model.js";
import { tempDir } from "../helpers/temp-knowledge.js";

describe("writing fitted weights into a model's source", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a model file, then only its declaration changes and what follows it stays", () => {
    const file = path.join(temp.dir, "model.ts");
    const after = "\nexport function use(): number {\n  return 1;\n}\n";
    fs.writeFileSync(file, `// kop\nexport const DEMO_MODEL: DemoModel = {\n  bias: 0,\n  weights: {a: 1},\n};\n${after}`);

    writeFittedModel(file, "DEMO_MODEL", "DemoModel", { bias: -1.25, weights: { a: 0.5, bGroot: -2 } });

    expect(fs.readFileSync(file, "utf8")).toBe(`// kop\nexport const DEMO_MODEL: DemoModel = {\n  bias: -1.25,\n  weights: {a: 0.5, bGroot: -2},\n};\n${after}`);
  });

  it("given a file without the declaration, then it says so and leaves the file as it was", () => {
    const file = path.join(temp.dir, "other.ts");
    fs.writeFileSync(file, "export const x = 1;\n");
    expect(() => writeFittedModel(file, "DEMO_MODEL", "DemoModel", { bias: 0, weights: {} })).toThrow(/geen "export const DEMO_MODEL/);
    expect(fs.readFileSync(file, "utf8")).toBe("export const x = 1;\n");
  });
});
