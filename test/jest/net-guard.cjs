/**
 * No test reaches the real network: every socket a test opens (http, https, fetch, through nock or not) may
 * connect to loopback only, where the simulator and the tests' servers listen. Anything else fails as a
 * connection error. Installed once per jest worker, outside the tests' module registries (see environment.cjs),
 * so that a test file that does not use nock does not pay for nock's interception of every request.
 */
const net = require("node:net");

const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|\[::1\]|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;
const INSTALLED = Symbol.for("withings.test.net-guard");

/** The host a `socket.connect(...)` call targets, or undefined for a local (IPC) path. */
function hostOf(args) {
  let first = args[0];
  if (Array.isArray(first)) first = first[0]; // net.connect() passes its normalized arguments
  if (first && typeof first === "object") return first.path ? undefined : String(first.host ?? "localhost");
  if (typeof first === "string" && !/^\d+$/.test(first)) return undefined;
  return typeof args[1] === "string" ? args[1] : "localhost";
}

function install() {
  const proto = net.Socket.prototype;
  if (proto[INSTALLED]) return;
  const connect = proto.connect;
  proto.connect = function guardedConnect(...args) {
    const host = hostOf(args);
    if (host === undefined || LOOPBACK.test(host)) return connect.apply(this, args);
    const err = Object.assign(new Error(`Tests may not reach the network: refused a connection to ${host}`), { code: "ENETUNREACH" });
    process.nextTick(() => this.destroy(err));
    return this;
  };
  proto[INSTALLED] = true;
}

module.exports = { install, hostOf, LOOPBACK };
