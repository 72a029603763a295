// The claims table's key schema and indexes, defined once: the CDK app, the local stack and the tests
// all build the table from this description. Attribute names are deliberately generic (single-table design).

export interface KeyAttribute {
  name: string;
  type: "S" | "N";
}

export interface IndexDesign {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
}

export interface TableDesign {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  globalSecondaryIndexes: IndexDesign[];
}

export const tableDesign: TableDesign = {
  partitionKey: { name: "pk", type: "S" },
  sortKey: { name: "sk", type: "S" },
  globalSecondaryIndexes: [
    { indexName: "gsi1", partitionKey: { name: "gsi1pk", type: "S" }, sortKey: { name: "gsi1sk", type: "S" } },
    { indexName: "gsi2", partitionKey: { name: "gsi2pk", type: "S" }, sortKey: { name: "gsi2sk", type: "S" } },
    { indexName: "gsi3", partitionKey: { name: "gsi3pk", type: "S" }, sortKey: { name: "gsi3sk", type: "S" } },
  ],
};

/** Every attribute that takes part in a key, for CreateTable's AttributeDefinitions. */
export function keyAttributes(design: TableDesign = tableDesign): KeyAttribute[] {
  const all = [
    design.partitionKey,
    design.sortKey,
    ...design.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return [...new Map(all.map((a) => [a.name, a])).values()];
}
