// The claims table's key schema and indexes, defined once: the CDK app, the local stack and the tests
// all build the table from this description. Attribute names are deliberately generic (single-table design):
// what each index holds is decided by the item builders in `items.ts`, and the access-pattern table in docs/store.md
// says which pattern uses which key. Nothing here imports the AWS SDK, so the CDK app can use it as data.

export interface KeyAttribute {
  name: string;
  type: "S" | "N";
}

export interface IndexDesign {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  /** Every index projects whole items: each query is answered by the index alone, with no follow-up reads. */
  projection: "ALL";
}

export interface TableDesign {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  globalSecondaryIndexes: IndexDesign[];
  /** On-demand capacity: traffic is bursty (a newsroom uploads a batch, then nothing for hours). */
  billingMode: "PAY_PER_REQUEST";
}

export const tableDesign: TableDesign = {
  partitionKey: { name: "pk", type: "S" },
  sortKey: { name: "sk", type: "S" },
  globalSecondaryIndexes: [
    // Feeds in time order: all articles, all claims, claims by the time they are about.
    {
      indexName: "gsi1",
      partitionKey: { name: "gsi1pk", type: "S" },
      sortKey: { name: "gsi1sk", type: "S" },
      projection: "ALL",
    },
    // Claims by name: by speaker, by entity.
    {
      indexName: "gsi2",
      partitionKey: { name: "gsi2pk", type: "S" },
      sortKey: { name: "gsi2sk", type: "S" },
      projection: "ALL",
    },
    // Claims by certainty; speakers ranked by claim count.
    {
      indexName: "gsi3",
      partitionKey: { name: "gsi3pk", type: "S" },
      sortKey: { name: "gsi3sk", type: "S" },
      projection: "ALL",
    },
  ],
  billingMode: "PAY_PER_REQUEST",
};

/** The index names, for code that queries them. */
export type IndexName = "gsi1" | "gsi2" | "gsi3";

/** Every attribute that takes part in a key, for CreateTable's AttributeDefinitions. */
export function keyAttributes(design: TableDesign = tableDesign): KeyAttribute[] {
  const all = [
    design.partitionKey,
    design.sortKey,
    ...design.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return [...new Map(all.map((a) => [a.name, a])).values()];
}

/** The key attribute names of the table (no index) or of one index: what a LastEvaluatedKey holds. */
export function keyNamesOf(index?: IndexName, design: TableDesign = tableDesign): string[] {
  const table = [design.partitionKey.name, design.sortKey.name];
  if (!index) return table;
  const gsi = design.globalSecondaryIndexes.find((i) => i.indexName === index);
  if (!gsi) throw new Error(`no index ${index} in the table design`);
  return [...table, gsi.partitionKey.name, gsi.sortKey.name];
}

/**
 * The design as a DynamoDB CreateTable input (plain data, the SDK's shape) for dynalite and the local stack.
 * The CDK app builds its Table from `tableDesign` directly.
 */
export function createTableInput(tableName: string, design: TableDesign = tableDesign) {
  const keySchema = (pk: KeyAttribute, sk: KeyAttribute) => [
    { AttributeName: pk.name, KeyType: "HASH" as const },
    { AttributeName: sk.name, KeyType: "RANGE" as const },
  ];
  return {
    TableName: tableName,
    BillingMode: design.billingMode,
    AttributeDefinitions: keyAttributes(design).map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
    KeySchema: keySchema(design.partitionKey, design.sortKey),
    GlobalSecondaryIndexes: design.globalSecondaryIndexes.map((i) => ({
      IndexName: i.indexName,
      KeySchema: keySchema(i.partitionKey, i.sortKey),
      Projection: { ProjectionType: i.projection },
    })),
  };
}
