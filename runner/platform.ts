/**
 * A local stand-in for the Pipedream platform. The component model (props, `this`, `$`, `$emit`, dedupe,
 * hooks) is the hosts' shared kit; the runner adds only what is its own: state in files, HTTP on loopback.
 */
import { FileDb } from "./state";
import { SourceHost as KitSourceHost } from "../hosts/kit/run";
import type { InstanceOptions } from "../hosts/kit/instance";

export { HttpEndpoint, type HttpEndpointOptions, type HttpEvent, type HttpResponseSpec } from "./http-endpoint";
export {
  appInstance, FlowExit, instantiate, makeStep, seenBefore, UNIQUE_DEDUPE_IDS,
  type Auth, type EmittedEvent, type HttpInterface, type InstanceOptions, type Step,
} from "../hosts/kit/instance";
export { propOptions, runAction, type Phase, type PropOption, type RunResult } from "../hosts/kit/run";
export {
  coerce, httpPropName, missingRequiredProps, resolvePropDef, wantsCustomResponse, type ComponentLike,
} from "../hosts/kit/props";

/** A deployed source whose db lives in a JSON file (`dbPath`), so that it survives between commands. */
export class SourceHost extends KitSourceHost {
  declare readonly db: FileDb;
  constructor(component: ConstructorParameters<typeof KitSourceHost>[0], opts: InstanceOptions & { dbPath?: string }) {
    super(component, { ...opts, db: opts.db ?? new FileDb(opts.dbPath) });
  }
}
