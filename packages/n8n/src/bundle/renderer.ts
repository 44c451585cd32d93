/**
 * The ECG PNG in n8n: resvg compiled to WebAssembly and inlined in the bundle (the native @resvg/resvg-js
 * cannot ship in a node package without dependencies). It has no system fonts, so the PNG shows the trace
 * and grid; the header text is in the SVG that comes with it.
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { setResvgLoader } from '../../../../common/render/png';
// esbuild's binary loader: the .wasm file's bytes.
import wasm from '@resvg/resvg-wasm/index_bg.wasm';

let ready: Promise<void> | undefined;

setResvgLoader(async () => {
  ready ??= initWasm(wasm);
  await ready;
  // The core expects a Buffer from asPng(); the WebAssembly build gives a Uint8Array.
  class BufferResvg {
    private readonly inner: InstanceType<typeof Resvg>;
    constructor(svg: string, opts?: Record<string, unknown>) {
      this.inner = new Resvg(svg, opts as never);
    }
    render() {
      const image = this.inner.render();
      return { asPng: () => Buffer.from(image.asPng()) };
    }
  }
  return { Resvg: BufferResvg };
});
