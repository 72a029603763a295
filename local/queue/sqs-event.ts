// What Lambda's SQS event source hands the function: the received messages as an SQSEvent, with the attributes
// the deployed system's records carry (receive count, timestamps, md5 of the body).
import { createHash } from "node:crypto";
import type { SQSEvent, SQSRecord } from "aws-lambda";
import type { ReceivedMessage } from "./local-queue.ts";

export const LOCAL_REGION = "us-east-1";
export const LOCAL_ACCOUNT = "000000000000";

export function sqsEventOf(messages: ReceivedMessage[], queueName: string): SQSEvent {
  return { Records: messages.map((m) => sqsRecordOf(m, queueName)) };
}

function sqsRecordOf(message: ReceivedMessage, queueName: string): SQSRecord {
  return {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAt),
      SenderId: "AIDALOCALSTACK",
      ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt),
    },
    messageAttributes: {},
    md5OfBody: createHash("md5").update(message.body).digest("hex"),
    eventSource: "aws:sqs",
    eventSourceARN: `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${queueName}`,
    awsRegion: LOCAL_REGION,
  };
}
