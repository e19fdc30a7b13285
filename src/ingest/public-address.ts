import net from "node:net";

/** Whether an IP address is on the public internet (not loopback, private, link-local, shared, reserved). */
export function isPublicAddress(address: string): boolean {
  if (net.isIPv4(address)) return isPublicIPv4(address.split(".").map(Number));
  if (!net.isIPv6(address)) return false;
  const groups = ipv6Groups(address);
  if (!groups) return false;
  const [g0, g1] = groups as [number, number];
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  const v4At = (i: number) => [groups[i]! >> 8, groups[i]! & 255, groups[i + 1]! >> 8, groups[i + 1]! & 255];
  // Forms that carry an IPv4 address are judged by it: mapped (::ffff:a.b.c.d, which URLs write as
  // ::ffff:7f00:1), compatible (::a.b.c.d, also :: and ::1), NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
  if (zeros(0, 5) && groups[5] === 0xffff) return isPublicIPv4(v4At(6));
  if (zeros(0, 6)) return isPublicIPv4(v4At(6));
  if (g0 === 0x64 && g1 === 0xff9b && zeros(2, 6)) return isPublicIPv4(v4At(6));
  if (g0 === 0x2002) return isPublicIPv4(v4At(1));
  if ((g0 & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80 || (g0 & 0xffc0) === 0xfec0) return false; // link-local, old site-local
  if ((g0 & 0xff00) === 0xff00) return false; // multicast
  if (g0 === 0x2001 && g1 === 0x0db8) return false; // documentation
  return true;
}

function isPublicIPv4([a, b, c]: number[]): boolean {
  if (a === undefined || b === undefined) return false;
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false; // this network, private, loopback, multicast/reserved
  if (a === 169 && b === 254) return false; // link-local (cloud metadata)
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 100 && b >= 64 && b <= 127) return false; // carrier-grade NAT
  if (a === 192 && b === 0 && c === 0) return false; // IETF protocol assignments
  if (a === 198 && (b === 18 || b === 19)) return false; // benchmarking
  return true;
}

/** The eight 16-bit groups of an IPv6 address ("::" expanded, a trailing dotted IPv4 part folded in). */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  const groups = tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}
