/**
 * Draws a vega-lite spec as a PNG, on the server, with no browser and no native build: vega lays it out as SVG,
 * resvg (a prebuilt binary from npm) rasterises it with the fonts shipped by the `vazirmatn` package, which draw
 * Persian and Latin with Turkish and Finnish letters. No system font is read: the picture is the same on every
 * machine. One render is about 50 ms of CPU (bench/), so they take turns, two at a time.
 *
 * vega, vega-lite and resvg are loaded on the first picture, not with the app: a process that never draws
 * neither waits for them at start nor holds them (measured: about a third of loading the code, 30 MB resident).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { limitConcurrency } from '../limit.js';

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('vazirmatn/package.json')), 'fonts', 'ttf');
const FONT_FILES = ['Regular', 'Bold'].map((weight) => join(FONT_DIR, `Vazirmatn-${weight}.ttf`));

/** Twice the spec's size: sharp on high-density screens, still small (tens of kilobytes). */
const SCALE = 2;

const renders = limitConcurrency(2);

let libraries: Promise<[typeof import('vega'), typeof import('vega-lite'), typeof import('@resvg/resvg-js')]> | undefined;
/** Once per process; a failed load is tried again by the next picture. */
function chartLibraries() {
  libraries ??= Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]).catch((error: unknown) => {
    libraries = undefined;
    throw error;
  });
  return libraries;
}

/** The spec as SVG text (vega's own layout; text measured with the same font the PNG draws with, by name). */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const [{ parse, View }, { compile }] = await chartLibraries();
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The spec as a PNG at twice its size. */
export function renderChart(spec: TopLevelSpec): Promise<Buffer> {
  return renders(async () => {
    const [svg, [, , { Resvg }]] = await Promise.all([chartSvg(spec), chartLibraries()]);
    const png = new Resvg(svg, {
      font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Vazirmatn' },
      fitTo: { mode: 'zoom', value: SCALE },
    }).render();
    return png.asPng();
  });
}
