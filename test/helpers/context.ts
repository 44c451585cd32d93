import app, { type WithingsAuth } from "../../components/withings/withings.app";
import { TOKEN } from "./http";
import { appInstance as runnerAppInstance, makeStep, resolvePropDef } from "../../runner/platform";

/** The app as the platform wires it (the runner's wiring): its methods on `this`, plus `$auth`. */
export function appInstance(auth: Partial<WithingsAuth> = {}): any {
  return runnerAppInstance(app as never, { oauth_access_token: TOKEN, ...auth });
}

/** Builds an action's `this` from its props and methods, with a live app instance. */
export function actionInstance(component: any, props: Record<string, unknown> = {}, auth: Partial<WithingsAuth> = {}): any {
  const self: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries<unknown>(component.props ?? {})) {
    // Resolved as the runner does: a component's own default wins over the shared propDefinition's.
    const def = resolvePropDef(raw);
    if (def.default !== undefined) self[name] = def.default;
  }
  Object.assign(self, component.methods ?? {}, props, { withings: appInstance(auth) });
  return self;
}

/** Runs an action like the platform does and returns what it returned and exported. */
export async function runAction(component: any, props: Record<string, unknown> = {}, auth: Partial<WithingsAuth> = {}) {
  const $ = makeStep();
  const self = actionInstance(component, props, auth);
  const result = await component.run.call(self, { $, steps: {} });
  return { result, summary: $.summary, exports: $.exports };
}
