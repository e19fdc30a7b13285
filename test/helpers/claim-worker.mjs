// Worker threads do not inherit tsx from the test runner: register it here, then run the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./claim-worker.ts");
