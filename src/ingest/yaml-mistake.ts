import type { YAMLError } from "yaml";

/**
 * What a YAML reader's error means for someone editing metadata.yaml by hand, in Dutch. The reader's own
 * (English) message stays the detail, shown only at LOG_LEVEL=debug.
 */
const HINTS: Readonly<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY:
    "een tweede dubbele punt op een regel, of een regel te ver ingesprongen; zet een waarde met een dubbele punt tussen aanhalingstekens: title: \"Verslag: de avond\"",
  MULTILINE_IMPLICIT_KEY: "een regel zonder dubbele punt na de veldnaam; schrijf bijvoorbeeld title: Verslag",
  BAD_INDENT: "de inspringing klopt niet, of een lijst [ … ] is niet gesloten met ]",
  TAB_AS_INDENT: "een tab als inspringing; gebruik spaties",
  DUPLICATE_KEY: "deze naam staat er al eerder in; elk bestand en elk veld komt maar één keer voor",
  MISSING_CHAR: "een aanhalingsteken of haakje wordt niet gesloten",
  BAD_DQ_ESCAPE: "een \\ tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens",
};

/** The Dutch hint for one error of the YAML reader. */
export function yamlMistake(error: YAMLError): string {
  return HINTS[error.code] ?? "controleer de inspringing (spaties), de dubbele punten en de haakjes";
}
