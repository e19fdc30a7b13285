import fs from "node:fs";

/**
 * Writes fitted logistic weights into a model's source file: the `export const <name> … = { … };`
 * declaration is replaced, the rest of the file stays as it is (eval:fit and `eval -- --gids --fit`).
 */
export function writeFittedModel(file: string, name: string, type: string, model: { bias: number; weights: Record<string, number> }): void {
  const source = fs.readFileSync(file, "utf8");
  const weights = JSON.stringify(model.weights).replace(/"(\w+)":/g, "$1: ").replace(/,/g, ", ");
  const declaration = new RegExp(`export const ${name}: ${type} = \\{[\\s\\S]*?\\n\\};`);
  if (!declaration.test(source)) throw new Error(`${file}: geen "export const ${name}: ${type} = { … };" gevonden`);
  fs.writeFileSync(file, source.replace(declaration, `export const ${name}: ${type} = {\n  bias: ${model.bias},\n  weights: ${weights},\n};`));
}
