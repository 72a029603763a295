// The prices the cost note assumes: AWS list prices for us-east-1 (N. Virginia), on-demand, without the free
// tier, as published on each service's pricing page in 2025. Other regions differ by up to ~30%.
export const PRICES = {
  region: "us-east-1",
  lambda: {
    /** Arm (Graviton) duration price, per GB-second, first pricing tier. */
    perGbSecondArm: 0.0000133334,
    perMillionRequests: 0.2,
  },
  dynamodb: {
    /** On-demand write request units (one per 1 KB written, per table and per index copy). */
    perMillionWriteUnits: 0.625,
    /** On-demand read request units (one per 4 KB strongly consistent read, half for eventually consistent). */
    perMillionReadUnits: 0.125,
    storagePerGbMonth: 0.25,
    pointInTimeRecoveryPerGbMonth: 0.2,
  },
  s3: {
    /** PUT, COPY, POST, LIST requests, Standard storage class. */
    perThousandPuts: 0.005,
    /** GET, SELECT and all other requests. */
    perThousandGets: 0.0004,
    storagePerGbMonth: 0.023,
  },
  sqs: {
    /** Standard queue; each 64 KB chunk of a request is billed as one request. */
    perMillionRequests: 0.4,
  },
} as const;

export type Prices = typeof PRICES;
