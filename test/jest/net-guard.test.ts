/** The tests' network guard: loopback only, whatever the client, in a file that does not load nock. */
import { get } from "node:http";
import { connect } from "node:net";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { hostOf } = require("./net-guard.cjs") as { hostOf(args: unknown[]): string | undefined };

const failure = (url: string) => new Promise<NodeJS.ErrnoException>((resolve, reject) => {
  get(url, (res) => reject(new Error(`answered ${res.statusCode}`))).on("error", resolve);
});

describe("network guard", () => {
  it("reads the host of every form of socket.connect", () => {
    expect(hostOf([{ host: "example.com", port: 443 }])).toBe("example.com");
    expect(hostOf([[{ host: "10.0.0.1", port: 80 }, null]])).toBe("10.0.0.1");
    expect(hostOf([{ port: 80 }])).toBe("localhost");
    expect(hostOf([80, "203.0.113.9"])).toBe("203.0.113.9");
    expect(hostOf(["/tmp/some.sock"])).toBeUndefined();
  });

  it("refuses a connection to anything but loopback, as a connection error", async () => {
    for (const url of ["http://203.0.113.9/", "http://example.com:8080/x"]) {
      const err = await failure(url);
      expect([url, err.code, err.message]).toEqual([url, "ENETUNREACH", expect.stringMatching(/^Tests may not reach the network/)]);
    }
    const err = await new Promise<NodeJS.ErrnoException>((resolve) => connect(443, "198.51.100.7").on("error", resolve));
    expect(err.code).toBe("ENETUNREACH");
  });

  it("lets loopback through", async () => {
    const server = createServer((_req, res) => res.end("ok"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    try {
      const body = await new Promise<string>((resolve, reject) => {
        get(`http://localhost:${port}/`, (res) => {
          let text = "";
          res.on("data", (d) => { text += d; }).on("end", () => resolve(text));
        }).on("error", reject);
      });
      expect(body).toBe("ok");
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
