import type { Action } from "./params";

/** `/v2/user` getdevice and getgoals (`goals: []` when the user has none). */

export const getdevice: Action = ({ userid, store }) => ({ devices: store.devices(userid).map((d) => ({ ...d })) });

export const getgoals: Action = ({ userid, store }) => {
  const goals = store.goals(userid);
  return { goals: Array.isArray(goals) ? [] : { ...goals } };
};
