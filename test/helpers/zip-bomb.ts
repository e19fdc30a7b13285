import zlib from "node:zlib";

/**
 * A .docx that is a zip bomb: a few hundred kilobytes whose word/document.xml unpacks to `megabytes` MB
 * of text. Built from one deflated megabyte repeated (each piece flushed on its own, so the pieces join
 * into one valid deflate stream), so making it takes no memory of its unpacked size.
 */
export function zipBombDocx(megabytes: number): Buffer {
  const piece = (text: string | Buffer) => zlib.deflateRawSync(text, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const head = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
  const tail = "</w:t></w:r></w:p></w:body></w:document>";
  const megabyte = piece(Buffer.alloc(1024 * 1024, "a"));
  const document = Buffer.concat([piece(head), ...Array.from({ length: megabytes }, () => megabyte), zlib.deflateRawSync(tail)]);
  const size = Buffer.byteLength(head) + megabytes * 1024 * 1024 + Buffer.byteLength(tail);
  const types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  return zip([
    { name: "[Content_Types].xml", data: zlib.deflateRawSync(types), size: Buffer.byteLength(types) },
    { name: "_rels/.rels", data: zlib.deflateRawSync(rels), size: Buffer.byteLength(rels) },
    { name: "word/document.xml", data: document, size },
  ]);
}

/** A zip of already deflated entries (CRC left 0: readers of .docx do not check it). */
function zip(entries: Array<{ name: string; data: Buffer; size: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
