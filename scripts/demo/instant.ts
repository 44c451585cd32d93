/**
 * The demo's instant path: a record in the simulator reaches an (Instant) source through a notification, and
 * the notification actions run on the subscription it made.
 */
import { join } from "node:path";
import type { Simulator } from "../../simulator/types";
import { DIST, loadComponent } from "../../runner/components";
import { ms } from "../../runner/format";
import type { Auth } from "../../runner/platform";
import { log, say, showAction, showEvent, type Outcome } from "./print";

/**
 * The notification actions, on the subscription New Weigh-in (Instant) made. Subscribe itself is shown, not
 * run: Withings (and the action, before any request) refuses a callback URL on localhost, and the demo has no
 * public https endpoint; the instant sources subscribe through the same app method.
 */
async function notificationActions(auth: Auth, zone: string, callbackUrl: string, out: Outcome): Promise<void> {
  const action = (slug: string) => loadComponent(join(DIST, "actions", slug, `${slug}.mjs`));
  log("  Notification actions on that subscription:");
  say("  ", "▸ Subscribe to Notifications: not run here, as designed: it needs a public https callback URL "
    + "(Withings calls it back); the instant sources above subscribed through the same app method");
  await showAction(await action("list-notification-subscriptions"), auth, zone, out);
  await showAction(await action("get-notification-subscription"), auth, zone, out, { callbackUrl, appli: 1 });
  await showAction(await action("update-notification-subscription"), auth, zone, out,
    { callbackUrl, appli: 1, comment: "weigh-ins for the demo workflow" });
  await showAction(await action("revoke-notification-subscription"), auth, zone, out, { callbackUrl, appli: 1 });
}

/** A weigh-in reaches New Weigh-in (Instant), an unlink reaches Account Unlinked (Instant), then the notification actions. */
export async function instantPath(sim: Simulator, auth: Auth, zone: string, out: Outcome): Promise<void> {
  const { hostInstant } = await import("../../runner/instant");
  const load = (slug: string) => loadComponent(join(DIST, "sources", slug, `${slug}.mjs`));
  log("\nInstant path (Withings notifications to a loopback endpoint, no polling)");
  const weigh = await hostInstant(await load("new-weigh-in-instant"), { auth });
  const unlink = await hostInstant(await load("account-unlinked-instant"), { auth });
  try {
    await weigh.host.deploy();
    await unlink.host.deploy();
    const subs = sim.notifications.subscriptions(sim.demoUserId).filter((x) => x.callbackurl === weigh.url || x.callbackurl === unlink.url);
    say("  ", `subscribed: ${subs.map((x) => `appli ${x.appli} → ${x.callbackurl}`).join(", ")} (after Withings' HEAD check)`);
    const fresh = (h: typeof weigh) => h.emitted.filter((e) => !e.duplicate);
    const arrival = async (h: typeof weigh, before: number, t0: number) => {
      while (fresh(h).length === before && performance.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 2));
      return performance.now() - t0;
    };
    let before = fresh(weigh).length;
    let t0 = performance.now();
    sim.data.addWeighIn(sim.demoUserId, { date: sim.clock.now() - 5, weightKg: 71.6, fatRatio: 17.8 });
    let took = await arrival(weigh, before, t0);
    await sim.notifications.idle();
    await weigh.idle();
    const got = fresh(weigh).slice(before);
    log(`  ▸ a weigh-in recorded → New Weigh-in (Instant): ${got.length} event in ${ms(took)}`);
    for (const e of got) showEvent(e, zone);
    before = fresh(unlink).length;
    t0 = performance.now();
    sim.notifications.userAction(sim.demoUserId, "unlink");
    took = await arrival(unlink, before, t0);
    await sim.notifications.idle();
    await unlink.idle();
    const unlinked = fresh(unlink).slice(before);
    log(`  ▸ the user unlinks the app → Account Unlinked (Instant): ${unlinked.length} event in ${ms(took)}, no API call`);
    for (const e of unlinked) showEvent(e, zone);
    if (got.length === 1 && unlinked.length === 1) out.ok++;
    else out.failed.push(`instant path: ${got.length} weigh-in and ${unlinked.length} unlink events (expected 1 and 1)`);
    // Revoke Notification Subscription removed New Weigh-in (Instant)'s subscription: nothing left to deactivate.
    await notificationActions(auth, zone, weigh.url, out);
    await unlink.host.deactivate();
  } catch (err) {
    out.failed.push(`instant path: ${(err as Error).message}`);
    log(`    ✗ ${(err as Error).name}: ${(err as Error).message}`);
  } finally {
    await weigh.close();
    await unlink.close();
  }
}
