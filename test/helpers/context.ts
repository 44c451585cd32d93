import app, { type WithingsAuth } from "../../components/withings/withings.app";
import { TOKEN } from "./http";

/** A stand-in for the step's `$`: records exports, including `$summary`. */
export function fakeStep() {
  const exports: Record<string, unknown> = {};
  return {
    exports,
    export(key: string, value: unknown) {
      exports[key] = value;
    },
    get summary(): string | undefined {
      return exports.$summary as string | undefined;
    },
  };
}

/** The app as the platform wires it: its methods on `this`, plus `$auth`. */
export function appInstance(auth: Partial<WithingsAuth> = {}): any {
  const instance = Object.create(null);
  Object.assign(instance, app.methods, { $auth: { oauth_access_token: TOKEN, ...auth } });
  return instance;
}

/** Builds an action's `this` from its props and methods, with a live app instance. */
export function actionInstance(component: any, props: Record<string, unknown> = {}, auth: Partial<WithingsAuth> = {}): any {
  const self: Record<string, unknown> = {};
  for (const [name, def] of Object.entries<any>(component.props ?? {})) {
    // A component's own default wins over the shared propDefinition's, as on Pipedream.
    if (def?.propDefinition) {
      const shared = (app.propDefinitions as any)[def.propDefinition[1]];
      if (shared && "default" in shared) self[name] = shared.default;
    }
    if (def && typeof def === "object" && "default" in def) self[name] = def.default;
  }
  Object.assign(self, component.methods ?? {}, props, { withings: appInstance(auth) });
  return self;
}

/** Runs an action like the platform does and returns what it returned and exported. */
export async function runAction(component: any, props: Record<string, unknown> = {}, auth: Partial<WithingsAuth> = {}) {
  const $ = fakeStep();
  const self = actionInstance(component, props, auth);
  const result = await component.run.call(self, { $, steps: {} });
  return { result, summary: $.summary, exports: $.exports };
}
