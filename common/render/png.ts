/**
 * SVG to PNG with resvg. resvg is a native module: it is loaded only when a PNG is wanted, and a
 * platform without a working binary gets a reason instead of a failed run.
 */

type ResvgModule = { Resvg: new (svg: string, opts?: Record<string, unknown>) => { render(): { asPng(): Buffer } } };

/** From ESM the CommonJS module may arrive as `default`. */
async function loadResvg(): Promise<ResvgModule> {
  const mod = (await import("@resvg/resvg-js")) as unknown as Partial<ResvgModule> & { default?: ResvgModule };
  const Resvg = mod.Resvg ?? mod.default?.Resvg;
  if (typeof Resvg !== "function") throw new Error("Resvg is not exported");
  return { Resvg };
}

let loader: () => Promise<ResvgModule> = loadResvg;

/** Tests swap the loader to simulate a missing native binary. */
export function setResvgLoader(fn?: () => Promise<ResvgModule>): void {
  loader = fn ?? loadResvg;
}

export type PngResult = { png: Buffer; error?: undefined } | { png?: undefined; error: string };

/** Renders `svg` `widthPx` wide; never throws. */
export async function svgToPng(svg: string, widthPx: number): Promise<PngResult> {
  let mod: ResvgModule;
  try {
    mod = await loader();
  } catch (err) {
    return { error: `the PNG renderer (@resvg/resvg-js) could not be loaded: ${(err as Error).message}` };
  }
  try {
    const resvg = new mod.Resvg(svg, { fitTo: { mode: "width", value: Math.round(widthPx) }, background: "#ffffff" });
    return { png: resvg.render().asPng() };
  } catch (err) {
    return { error: `the PNG could not be rendered: ${(err as Error).message}` };
  }
}
