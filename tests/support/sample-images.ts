import sharp from "sharp";

/** A real PNG of the given size, a gradient so encoders have something to work on. */
export async function makePng(width: number, height: number): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#4f46e5"/><stop offset="1" stop-color="#f59e0b"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

export async function makeJpeg(width: number, height: number): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp(await makePng(width, height))
      .jpeg({ quality: 80 })
      .toBuffer(),
  );
}

/** A PNG whose header says width × height, without the memory such an image needs. */
export async function makeHugePngHeader(width: number, height: number): Promise<Uint8Array> {
  // A 1-bit, single-colour PNG compresses to almost nothing, so 12000×12000 stays small on disk.
  return new Uint8Array(
    await sharp({
      create: { width, height, channels: 3, background: "#ffffff" },
      limitInputPixels: false,
    })
      .png({ palette: true, colours: 2, compressionLevel: 9 })
      .toBuffer(),
  );
}
