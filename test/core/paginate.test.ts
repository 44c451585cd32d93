import { collect, items, pages } from "../../common/paginate";
import { WithingsResponseError } from "../../common/errors";

type Page = { more?: boolean | 0 | 1; offset?: number | string; rows: number[] };

function server(pagesList: Page[]) {
  const calls: Array<number | string | undefined> = [];
  const fetch = async (offset: number | string | undefined) => {
    calls.push(offset);
    const p = pagesList[calls.length - 1];
    if (!p) throw new Error("asked for a page that does not exist");
    return p;
  };
  return { fetch, calls };
}

describe("pagination", () => {
  it("follows more/offset (0/1 and boolean) and passes the server's opaque offset back", async () => {
    const s = server([{ more: 1, offset: 300, rows: [1, 2] }, { more: true, offset: "abc", rows: [3] }, { more: false, offset: 0, rows: [4] }]);
    expect(await collect(items(s.fetch, (p: Page) => p.rows))).toEqual([1, 2, 3, 4]);
    expect(s.calls).toEqual([undefined, 300, "abc"]);
  });

  it("stops pulling pages once the cap is reached", async () => {
    const s = server([{ more: 1, offset: 2, rows: [1, 2] }, { more: 1, offset: 4, rows: [3, 4] }, { more: 0, rows: [5] }]);
    expect(await collect(items(s.fetch, (p: Page) => p.rows), 3)).toEqual([1, 2, 3]);
    expect(s.calls).toEqual([undefined, 2]);
    expect(await collect(items(s.fetch, (p: Page) => p.rows), 0)).toEqual([]);
  });

  it.each([
    ["repeats the same offset", [{ more: 1, offset: 5, rows: [1] }, { more: 1, offset: 5, rows: [2] }]],
    ["returns to an earlier offset", [{ more: 1, offset: 5, rows: [1] }, { more: 1, offset: 9, rows: [2] }, { more: 1, offset: 5, rows: [3] }]],
    ["gives no offset", [{ more: true, rows: [1] }]],
  ])("throws instead of looping when the server %s", async (_label, list) => {
    const s = server(list as Page[]);
    const err = await collect(items(s.fetch, (p: Page) => p.rows)).catch((e) => e);
    expect(err).toBeInstanceOf(WithingsResponseError);
    expect(err.message).toMatch(/offset did not advance/);
    expect(s.calls.length).toBe(list.length);
  });

  it("bounds the number of pages", async () => {
    let n = 0;
    const fetch = async () => ({ more: 1 as const, offset: ++n, rows: [n] });
    await expect(collect(pages(fetch, { maxPages: 5, action: "getmeas" }))).rejects.toThrow(/more than 5 pages/);
    expect(n).toBe(5);
  });
});
