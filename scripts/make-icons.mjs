// Renders build/icon.svg into the icon files electron-builder packs:
//   build/icon.png            512×512 (general use)
//   build/icons/NxN.png       16…512, the Linux (freedesktop) icon set
//   build/icon.ico            Windows: 16…128 as 32-bit bitmaps, 256 as PNG
//   build/icon.icns           macOS: 16@2x…512@2x as PNG
// The SVG is rasterised by Chromium (playwright-core, already a dev dependency) at each
// size, so small sizes come out sharp rather than shrunk; ICO and ICNS are simple
// containers written here, which spares a native image library.
// Usage: node scripts/make-icons.mjs   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Sizes of the Linux icon set (freedesktop hicolor theme). */
export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
/** Sizes inside icon.ico; Windows picks the nearest for taskbar, Explorer and shortcuts. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS entry types with PNG payloads and their pixel sizes (Apple's `ic07`…`ic14`). */
export const ICNS_TYPES = [
  ['ic11', 32], // 16 pt @2x
  ['ic12', 64], // 32 pt @2x
  ['ic07', 128],
  ['ic13', 256], // 128 pt @2x
  ['ic08', 256],
  ['ic14', 512], // 256 pt @2x
  ['ic09', 512],
  ['ic10', 1024], // 512 pt @2x
];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** @param {Buffer} bytes */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** @param {number} a @param {number} b @param {number} c */
function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Encodes 8-bit RGBA pixels as PNG. Each row gets the filter with the smallest sum of
 * residuals (the usual heuristic), which keeps the large icon sizes small.
 * @param {Uint8Array} rgba @param {number} width @param {number} height
 */
export function encodePng(rgba, width, height) {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  const candidate = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rgba.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    let best = { filter: 0, sum: Infinity, bytes: Buffer.from(row) };
    for (let filter = 0; filter <= 4; filter++) {
      let sum = 0;
      for (let x = 0; x < stride; x++) {
        const left = x >= 4 ? (row[x - 4] ?? 0) : 0;
        const up = prev[x] ?? 0;
        const upLeft = x >= 4 ? (prev[x - 4] ?? 0) : 0;
        const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter] ?? 0;
        const value = ((row[x] ?? 0) - predictor) & 0xff;
        candidate[x] = value;
        sum += value < 128 ? value : 256 - value;
      }
      if (sum < best.sum) best = { filter, sum, bytes: Buffer.from(candidate) };
    }
    raw[y * (stride + 1)] = best.filter;
    best.bytes.copy(raw, y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A 32-bit ICO bitmap: BITMAPINFOHEADER, BGRA rows bottom-up, then the 1-bit AND mask
 * (set where fully transparent) that old icon readers still expect.
 * @param {Uint8Array} rgba @param {number} size
 */
export function encodeIcoBitmap(rgba, size) {
  const maskStride = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows, as ICO requires
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskStride * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskStride * size);
  for (let y = 0; y < size; y++) {
    const target = size - 1 - y;
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (target * size + x) * 4;
      pixels[to] = rgba[from + 2] ?? 0;
      pixels[to + 1] = rgba[from + 1] ?? 0;
      pixels[to + 2] = rgba[from] ?? 0;
      pixels[to + 3] = rgba[from + 3] ?? 0;
      if ((rgba[from + 3] ?? 0) === 0) {
        const at = target * maskStride + (x >> 3);
        mask[at] = (mask[at] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/**
 * Packs images into an ICO file.
 * @param {{ size: number, data: Buffer }[]} images
 */
export function packIco(images) {
  const head = Buffer.alloc(6 + images.length * 16);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // 1 = icon
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + i * 16;
    head[at] = size >= 256 ? 0 : size; // 0 means 256
    head[at + 1] = size >= 256 ? 0 : size;
    head.writeUInt16LE(1, at + 4); // colour planes
    head.writeUInt16LE(32, at + 6); // bits per pixel
    head.writeUInt32LE(data.length, at + 8);
    head.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([head, ...images.map((image) => image.data)]);
}

/**
 * Packs PNG images into an ICNS file.
 * @param {{ type: string, data: Buffer }[]} entries
 */
export function packIcns(entries) {
  const blocks = entries.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + blocks.reduce((sum, block) => sum + block.length, 0), 4);
  return Buffer.concat([head, ...blocks]);
}

/**
 * Rasterises the SVG at each size with Chromium and returns RGBA pixels per size.
 * @param {string} svg @param {number[]} sizes @param {string} executablePath
 * @returns {Promise<Map<number, Uint8Array>>}
 */
export async function rasterise(svg, sizes, executablePath) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const result = new Map();
    for (const size of sizes) {
      // The SVG's own width/height set the raster size, so Chromium draws the vectors at
      // the target size instead of scaling a large bitmap down.
      const sized = svg.replace(
        /<svg([^>]*?)\swidth="\d+"\sheight="\d+"/,
        `<svg$1 width="${size}" height="${size}"`,
      );
      const base64 = await page.evaluate(
        // Runs in the page, where Image and document exist.
        /* global Image, document */
        async ({ source, size }) => {
          const image = new Image();
          image.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(source)))}`;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = size;
          canvas.height = size;
          const context = canvas.getContext('2d');
          if (!context) throw new Error('no 2d context');
          context.drawImage(image, 0, 0, size, size);
          const { data } = context.getImageData(0, 0, size, size);
          let binary = '';
          for (let i = 0; i < data.length; i += 0x8000) {
            binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
          }
          return btoa(binary);
        },
        { source: sized, size },
      );
      result.set(size, new Uint8Array(Buffer.from(base64, 'base64')));
    }
    return result;
  } finally {
    await browser.close();
  }
}

/**
 * Writes every icon file into `buildDir` from `buildDir/icon.svg`.
 * @param {{ buildDir?: string, chromium?: string }} [options]
 * @returns {Promise<string[]>} the files written
 */
export async function makeIcons(options = {}) {
  const buildDir = options.buildDir ?? join(ROOT, 'build');
  const executablePath = options.chromium ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8');
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)])];
  const pixels = await rasterise(svg, sizes, executablePath);
  /** @param {number} size */
  const rgba = (size) => {
    const data = pixels.get(size);
    if (!data) throw new Error(`size ${size} not rendered`);
    return data;
  };
  /** @param {number} size */
  const png = (size) => encodePng(rgba(size), size, size);

  const written = [];
  /** @param {string} path @param {Buffer} data */
  const write = (path, data) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
    written.push(path);
  };
  write(join(buildDir, 'icon.png'), png(512));
  for (const size of LINUX_SIZES) write(join(buildDir, 'icons', `${size}x${size}.png`), png(size));
  // Bitmaps below 256 px: the Windows shell and NSIS read these everywhere; PNG only for 256.
  write(
    join(buildDir, 'icon.ico'),
    packIco(
      ICO_SIZES.map((size) => ({
        size,
        data: size >= 256 ? png(size) : encodeIcoBitmap(rgba(size), size),
      })),
    ),
  );
  write(join(buildDir, 'icon.icns'), packIcns(ICNS_TYPES.map(([type, size]) => ({ type, data: png(size) }))));
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const written = await makeIcons();
  for (const path of written) console.log(`skrev / wrote ${path}`);
}
