// Where a bucket's objects are addressed: AWS's virtual-hosted style (`<bucket>.s3.<region>.amazonaws.com/<key>`),
// path style for bucket names with dots (a dotted host breaks S3's TLS wildcard certificate), and path style
// under a configured endpoint (the local S3, MinIO). Keys are percent-encoded once per "/"-separated segment, the
// form S3 signs.

export interface BucketAddress {
  protocol: "http:" | "https:";
  hostname: string;
  port: number | undefined;
  /** hostname[:port], the Host header. */
  host: string;
  /** Prefix of every object path: "" (virtual-hosted) or "/<bucket>" (path style, after any endpoint path). */
  basePath: string;
}

export function bucketAddress(bucket: string, region: string, endpoint?: string): BucketAddress {
  if (endpoint) {
    const url = new URL(endpoint);
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new Error(`the S3 endpoint ${endpoint} is not an http(s) URL`);
    }
    return {
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      host: url.host,
      basePath: `${url.pathname.replace(/(?<!\/)\/+$/, "")}/${encodeSegment(bucket)}`,
    };
  }
  // The China regions live under their own domain; every other partition this project deploys to under this one.
  const domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  const virtualHosted = !bucket.includes(".");
  const hostname = virtualHosted ? `${bucket}.s3.${region}.${domain}` : `s3.${region}.${domain}`;
  return { protocol: "https:", hostname, port: undefined, host: hostname, basePath: virtualHosted ? "" : `/${bucket}` };
}

export function objectPath(address: BucketAddress, key: string): string {
  return `${address.basePath}/${key.split("/").map(encodeSegment).join("/")}`;
}

/** RFC 3986 encoding, as SigV4 canonicalizes: everything but A–Z a–z 0–9 - _ . ~ is percent-encoded. */
export function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function queryString(query: Record<string, string>): string {
  return Object.entries(query)
    .map(([name, value]) => `${encodeSegment(name)}=${encodeSegment(value)}`)
    .join("&");
}
