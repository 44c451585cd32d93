import { HttpEndpoint } from "../../runner/http-endpoint";

describe("HttpEndpoint, concurrent", () => {
  test("each request answers through its own respond, and a slow run does not hold up the next answer", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const acks: string[] = [];
    const endpoint = new HttpEndpoint(async (event, respond) => {
      const body = event.body as { n: string };
      respond({ status: 200, body: `ack ${body.n}` });
      if (body.n === "1") await held; // the first run keeps working after its answer
    }, true, undefined, { concurrent: true, onAck: (_ms, method) => acks.push(method) });
    const url = await endpoint.listen();
    try {
      const post = (n: string) => fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `n=${n}` });
      const first = await post("1");
      expect(await first.text()).toBe("ack 1");
      const second = await post("2");
      expect(await second.text()).toBe("ack 2");
      let idle = false;
      const done = endpoint.idle().then(() => (idle = true));
      await new Promise((r) => setTimeout(r, 20));
      expect(idle).toBe(false);
      release();
      await done;
      expect(acks).toEqual(["POST", "POST"]);
      expect((await fetch(url, { method: "HEAD" })).status).toBe(200);
    } finally {
      await endpoint.close();
    }
  });
});
