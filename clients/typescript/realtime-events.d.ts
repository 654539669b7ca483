// The events of Realtime's `/realtime` namespace (docs/protocol.md, sections 2 to 7), as types for
// socket.io-client 4's typed Socket:
//
//   import { io, Socket } from "socket.io-client";
//   import type { ServerToClientEvents, ClientToServerEvents, RealtimeAuth } from "./realtime-events";
//   const auth: RealtimeAuth = { token };
//   const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url + "/realtime", { auth });
//
// They describe the server as it behaves today; the v2 items the protocol lists as not served yet
// are left out on purpose.
// JsClientIT compiles the project's end-to-end client against this file, so a change to an event
// that the client uses fails the build.

// ---------------------------------------------------------------------------------------------
// Values (protocol "Conventions", sections 2, 3, 7)
// ---------------------------------------------------------------------------------------------

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** An ISO-8601 time in UTC, e.g. `2026-12-07T09:41:03.123Z`. */
export type IsoTime = string;

/** A channel name `<type>:<id>`; the id is 1 to 128 of `[A-Za-z0-9_.-]` (section 3). */
export type ChannelName =
  | `user:${string}`
  | `product:${string}`
  | `auction:${string}`
  | `chat:${string}`
  | `order:${string}`
  | `vendor:${string}`
  | `admin:${string}`
  | `system:${string}`;

/** Roles a connection can hold; `guest` is a connection without a token (section 2). */
export type Role = "customer" | "vendor" | "support_agent" | "admin" | "service" | "guest";

/** Event priorities (section 6). */
export type Priority = "low" | "medium" | "high" | "critical";

/** Chat message types (section 4, `send_message`). */
export type MessageType = "text" | "image" | "file" | "product" | "order";

/** Presence states (section 4, `update_presence`). */
export type PresenceStatus = "online" | "away" | "busy" | "offline";

/** Link qualities a client reports (section 4, `network_info`). */
export type Bandwidth = "2g" | "3g" | "4g" | "wifi";

/** Notification states (sections 9 and 10.3), in the order a notification moves through them. */
export type NotificationStatus = "sent" | "delivered" | "read" | "clicked";

/** The languages the server writes text in (section 10.3). */
export type Locale = "bn" | "en";

/** Every error code (section 7). */
export type ErrorCode =
  | "AUTH_REQUIRED"
  | "AUTH_INVALID"
  | "AUTH_EXPIRED"
  | "FORBIDDEN"
  | "CHANNEL_INVALID"
  | "CHANNEL_UNKNOWN"
  | "CHANNEL_LIMIT"
  | "NOT_SUBSCRIBED"
  | "READ_ONLY_CHANNEL"
  | "RATE_LIMITED"
  | "PAYLOAD_INVALID"
  | "PAYLOAD_TOO_LARGE"
  | "SPAM_DETECTED"
  | "CONNECTION_LIMIT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INTERNAL";

/** Why one channel of a `join_channel` was rejected while others may have been joined. */
export type JoinRejectionCode = "CHANNEL_INVALID" | "CHANNEL_UNKNOWN" | "FORBIDDEN" | "CHANNEL_LIMIT";

/** The codes a refused CONNECT carries in `err.data.code` (section 2). */
export type ConnectRefusalCode = "AUTH_REQUIRED" | "AUTH_INVALID" | "AUTH_EXPIRED" | "CONNECTION_LIMIT";

// ---------------------------------------------------------------------------------------------
// Handshake (sections 1 and 2)
// ---------------------------------------------------------------------------------------------

/** The `auth` option of `io()`: the CONNECT auth object. Omit `token` to connect as a guest. */
export interface RealtimeAuth {
  token?: string;
  /** The reader's language when the token names none (section 10.3). */
  locale?: Locale;
}

/**
 * The error of `connect_error` when the server refused the CONNECT: `message` is `"unauthorized"`
 * for the AUTH_ codes, `"Too many connections"` for CONNECTION_LIMIT, `"Invalid namespace"`
 * (without `data`) for a namespace other than `/realtime`.
 */
export interface RealtimeConnectError extends Error {
  data?: { code: ConnectRefusalCode | ErrorCode; retry_after_ms?: number };
}

// ---------------------------------------------------------------------------------------------
// Client to server (section 4)
// ---------------------------------------------------------------------------------------------

/** The failure half of every ack. */
export interface Failure {
  ok: false;
  error: {
    code: ErrorCode;
    /** The English detail of this failure. */
    message: string;
    /** The code's Bangla message. */
    message_bn: string;
    /** Only with RATE_LIMITED. */
    retry_after_ms?: number;
  };
}

/** An ack: `{ ok: true, ...fields }` or a {@link Failure}. */
export type Reply<Fields extends object = {}> = ({ ok: true } & Fields) | Failure;

/** An ack callback: the server always answers with one object. */
export type Ack<Fields extends object = {}> = (reply: Reply<Fields>) => void;

export interface JoinChannel {
  channels: string[];
  /** Subscription tokens by channel name, for private channels (section 3). */
  tokens?: { [channel: string]: string };
}
export interface JoinChannelResult {
  joined: ChannelName[];
  rejected: { channel: string; code: JoinRejectionCode }[];
}

export interface LeaveChannel {
  channels: string[];
}
export interface LeaveChannelResult {
  /** Only the channels the socket was in. */
  left: ChannelName[];
}

export interface SendMessage {
  /** A joined `chat:` channel. */
  channel: string;
  /** 1 to 4,000 characters after cleaning. */
  message: string;
  /** Default `text`. */
  type?: MessageType;
  /**
   * At most 8 KiB as JSON. `image` and `file` messages need `{ attachment }`, an
   * {@link Attachment}.
   */
  metadata?: JsonObject;
  /**
   * Your own key for this message, 1 to 64 of `[A-Za-z0-9_.-]`: a retry with the same key to the
   * same room within 24 hours gets the first message's `id` and `timestamp` and is not delivered
   * again.
   */
  client_msg_id?: string;
}

/** A file stored elsewhere that an `image` or `file` message points at. */
export interface Attachment {
  /** `https`, on a host of the server's `REALTIME_ATTACHMENT_HOSTS`. */
  url: string;
  /** `type/subtype`, e.g. `image/jpeg`. */
  mime_type: string;
  /** 1 to 26,214,400 (25 MB). */
  size_bytes: number;
  name?: string;
}
export interface SendMessageResult {
  id: string;
  timestamp: IsoTime;
}

export interface BroadcastEvent {
  channel: string;
  /** A lower-case letter, then up to 63 of `[a-z0-9_]`; not a name the server emits itself. */
  event_type: string;
  data?: JsonObject;
}

export interface ShoppingActivity {
  viewing_product?: string | null;
  /** 0 to 100,000. */
  cart_items?: number | null;
  in_checkout?: boolean | null;
}

/**
 * A location: an object, or a string naming the division (at most 64 characters each). Free text in
 * English or Bangla ("ঢাকা", "Chittagong", "Comilla"): the online counts use the canonical names of
 * Bangladesh's divisions and districts, "Other" for text that names none.
 */
export type PresenceLocation = { division: string; district?: string | null } | string;

/** Every field optional: absent leaves it unchanged, `null` clears it. */
export interface UpdatePresence {
  status?: PresenceStatus | null;
  /** At most 512 characters. */
  current_page?: string | null;
  activity?: ShoppingActivity | null;
  location?: PresenceLocation | null;
}

export interface Typing {
  room_id: string;
  is_typing: boolean;
}

export interface MarkRead {
  room_id: string;
  message_id: string;
}

export interface NotificationMark {
  id: string;
}

export interface NetworkInfo {
  bandwidth: Bandwidth;
  /** An integer from 0 to 600,000. */
  latency_ms?: number;
  packet_loss?: number;
}

export interface PlaceBid {
  auction_id: string;
  /** More than 0, at most two decimals, at most 10^12; a numeric string is read exactly. */
  amount: number | string;
}
export interface PlaceBidResult {
  bid_id: string;
  amount: number;
}

/**
 * What a client may emit on `/realtime`: each event takes its payload and an ack callback, so that
 * `socket.emitWithAck(...)` returns the typed reply. The server also takes an event without an ack
 * (a failure then comes as the `error` event); to emit that way with a typed socket, use
 * {@link ClientToServerEventsWithoutAck}.
 */
export interface ClientToServerEvents {
  join_channel: (payload: JoinChannel, ack: Ack<JoinChannelResult>) => void;
  leave_channel: (payload: LeaveChannel, ack: Ack<LeaveChannelResult>) => void;
  send_message: (payload: SendMessage, ack: Ack<SendMessageResult>) => void;
  broadcast_event: (payload: BroadcastEvent, ack: Ack) => void;
  update_presence: (payload: UpdatePresence, ack: Ack) => void;
  typing: (payload: Typing, ack: Ack) => void;
  mark_read: (payload: MarkRead, ack: Ack) => void;
  notification_read: (payload: NotificationMark, ack: Ack) => void;
  notification_clicked: (payload: NotificationMark, ack: Ack) => void;
  network_info: (payload: NetworkInfo, ack: Ack) => void;
  place_bid: (payload: PlaceBid, ack: Ack<PlaceBidResult>) => void;
}

/** The client events without their ack, for `socket.emit(...)` when no reply is wanted. */
export type ClientToServerEventsWithoutAck = {
  [E in keyof ClientToServerEvents]: (payload: Parameters<ClientToServerEvents[E]>[0]) => void;
};

// ---------------------------------------------------------------------------------------------
// Server to client (section 5)
// ---------------------------------------------------------------------------------------------

/** The envelope of a domain event, its only argument. */
export interface Envelope<Data extends object = JsonObject> {
  id: string;
  /** The event name, the same as the Socket.IO event it arrived as. */
  event: string;
  channel: ChannelName;
  data: Data;
  timestamp: IsoTime;
  priority: Priority;
}

/** Sent once after every successful CONNECT, recovery included. */
export interface Authenticated {
  user_id: string;
  socket_id: string;
  roles: Role[];
  guest: boolean;
  /** The reader's language: the token's claim, else `auth.locale`, else Accept-Language, else en. */
  locale: Locale;
  server_time: IsoTime;
  /** The channels the socket is in. */
  channels: ChannelName[];
}

export interface OfflineSync {
  /** How many queued events were just sent. */
  delivered: number;
}

/** The failure of an event sent without an ack. */
export interface EventError {
  /** The client event that failed (at most 64 characters of it). */
  event: string;
  code: ErrorCode;
  message: string;
  message_bn: string;
  retry_after_ms?: number;
}

export interface ChatMessage {
  id: string;
  channel: `chat:${string}`;
  room_id: string;
  sender_id: string;
  /** The sender's most responsible role. */
  sender_role: Exclude<Role, "guest">;
  message: string;
  type: MessageType;
  metadata: JsonObject;
  timestamp: IsoTime;
}

export interface TypingEvent {
  room_id: string;
  user_id: string;
  is_typing: boolean;
}

export interface ReadReceipt {
  room_id: string;
  user_id: string;
  message_id: string;
  read_at: IsoTime;
}

/** A room stopped taking messages: closed, or archived while active. */
export interface RoomClosed {
  room_id: string;
  closed_by: string;
  timestamp: IsoTime;
}

export interface PresenceUpdate {
  user_id: string;
  status: PresenceStatus;
  last_seen: IsoTime | null;
  current_page: string | null;
  device_count: number;
}

export interface NotificationData {
  id: string;
  type: string;
  title: string;
  /** `null` when the sender gave no Bangla text: show `title` then. */
  title_bn: string | null;
  message: string;
  message_bn: string | null;
  action_url: string | null;
  priority: Priority;
  data: JsonObject;
  status: NotificationStatus;
  created_at: IsoTime;
}

/** One of the user's notifications moved forward (section 10.3); sent once per change. */
export interface NotificationStatusChange {
  id: string;
  status: Exclude<NotificationStatus, "sent">;
  at: IsoTime;
}

export interface AnnouncementData {
  id: string;
  title: string;
  title_bn: string | null;
  message: string;
  message_bn: string | null;
  type: string;
  /** Until when sockets that connect are shown it; `null` for one shown live only. */
  show_until: IsoTime | null;
  created_at: IsoTime;
}

export interface AuctionBidData {
  auction_id: string;
  bid_id: string;
  user_id: string;
  amount: number;
  placed_at: IsoTime;
}

/** The data of `auction_closed` as `POST /auctions/{auction_id}/close` publishes it. */
export interface AuctionClosedData {
  auction_id: string;
  closed_by: string;
  closed_at: IsoTime;
}

/**
 * What the server emits on `/realtime`. Other services may publish events of any other name; they
 * arrive as an {@link Envelope}: add them by extending this interface, e.g.
 * `interface MyEvents extends ServerToClientEvents { flash_sale_started: (e: Envelope) => void }`.
 */
export interface ServerToClientEvents {
  authenticated: (me: Authenticated) => void;
  offline_sync: (sync: OfflineSync) => void;
  error: (error: EventError) => void;
  message: (message: ChatMessage) => void;
  typing: (typing: TypingEvent) => void;
  read_receipt: (receipt: ReadReceipt) => void;
  room_closed: (closed: RoomClosed) => void;
  presence_update: (presence: PresenceUpdate) => void;
  notification: (envelope: Envelope<NotificationData>) => void;
  notification_status: (change: NotificationStatusChange) => void;
  system_announcement: (envelope: Envelope<AnnouncementData>) => void;
  auction_bid: (envelope: Envelope<AuctionBidData>) => void;
  auction_closed: (envelope: Envelope<AuctionClosedData>) => void;
  product_price_change: (envelope: Envelope) => void;
  product_stock_update: (envelope: Envelope) => void;
  new_product_added: (envelope: Envelope) => void;
  order_status_update: (envelope: Envelope) => void;
  payment_status_update: (envelope: Envelope) => void;
}
