import { addDays } from "../common/dates";
import { intBetween } from "./random";
import type { Store } from "./store";

/**
 * The demo user's heart-sound recordings: a BPM Core session every ten days over the year, one
 * auscultation area after another. One recording has a valvular sign, one is inconclusive, and one
 * carries a `vhd` code outside the known table.
 */
export function addDemoStethos(store: Store, r: () => number, userid: string, today: string,
  at: (ymd: string, seconds: number) => number, deviceHash: string, now: number): void {
  const areas = [15, 16, 17, 18, 19];
  for (let d = 364; d >= 0; d -= 1) {
    if (d % 10 !== 3) continue;
    const ts = at(addDays(today, -d), 9 * 3600 + 5 * 60);
    if (ts + 60 >= now) continue;
    const vhd = d === 53 ? 1 : d === 93 ? 2 : d === 173 ? 7 : 0;
    store.addStetho(userid, {
      timestamp: ts, hash_deviceid: deviceHash, model: 44, position: areas[(d / 10) % areas.length | 0], vhd,
      heart_rate: intBetween(r, 60, 80),
    });
  }
}
