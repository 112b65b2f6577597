/** What a protocol handler answers; the HTTP server writes it. */
export interface HttpReply {
  status: number;
  contentType: string;
  body: string;
}
