// The dashboard's words in English and Bangla, and numbers and times in the reader's language
// (Bangla digits for bn) and in Bangladesh time, as everything the server writes for people.

const WORDS = {
  en: {
    title: "Realtime dashboard", language: "Language", signOut: "Sign out",
    signInTitle: "Sign in with an admin token", signInHelp: "A JWT with the admin role. It stays in this tab only.",
    signIn: "Sign in", updated: "Updated", stale: "no answer from the server for {0} s",
    connections: "Connections", users: "Users", messagesPerSecond: "Messages per second",
    latencyP95: "Delivery latency, p95 (ms)", latencyAverage: "Delivery latency, average (ms)", kafkaLag: "Kafka consumer lag",
    connectionsOverTime: "Connections and users", latency: "Delivery latency (ms)",
    nodes: "Nodes", node: "Node", started: "Started", nodeCount: "{0} node(s)",
    latencyByMeter: "Latency percentiles (ms, last 10 s)", metric: "Metric", count: "Count",
    presence: "Presence by division", division: "Division", online: "Online",
    errors: "Errors and refusals", shed: "Shed and dropped events", kind: "Kind", total: "Total",
    perMinute: "Last minute", connectionList: "Connections", socket: "Socket", user: "User",
    transport: "Transport", channels: "Channels", connectedAt: "Connected at",
    disconnect: "Disconnect", disconnected: "Disconnected", none: "none yet",
    notConfigured: "not configured", average: "average, last minute",
    refused: "The token was refused: {0}", notAdmin: "This token is not an admin's.",
    unreachable: "The server cannot be reached.", rate: "this node", clusterRate: "cluster, 1 min average",
    p50: "p50", p95: "p95", p99: "p99",
  },
  bn: {
    title: "রিয়েলটাইম ড্যাশবোর্ড", language: "ভাষা", signOut: "সাইন আউট",
    signInTitle: "অ্যাডমিন টোকেন দিয়ে সাইন ইন করুন", signInHelp: "অ্যাডমিন ভূমিকার একটি JWT। এটি শুধু এই ট্যাবেই থাকে।",
    signIn: "সাইন ইন", updated: "হালনাগাদ", stale: "{0} সেকেন্ড ধরে সার্ভারের কোনো উত্তর নেই",
    connections: "সংযোগ", users: "ব্যবহারকারী", messagesPerSecond: "প্রতি সেকেন্ডে বার্তা",
    latencyP95: "ডেলিভারির সময়, p95 (মি.সে.)", latencyAverage: "ডেলিভারির গড় সময় (মি.সে.)", kafkaLag: "কাফকা কনজিউমারের ল্যাগ",
    connectionsOverTime: "সংযোগ ও ব্যবহারকারী", latency: "ডেলিভারির সময় (মি.সে.)",
    nodes: "নোড", node: "নোড", started: "চালু হয়েছে", nodeCount: "{0}টি নোড",
    latencyByMeter: "ডেলিভারির সময়ের পার্সেন্টাইল (মি.সে., শেষ ১০ সেকেন্ড)", metric: "মেট্রিক", count: "সংখ্যা",
    presence: "বিভাগ অনুযায়ী উপস্থিতি", division: "বিভাগ", online: "অনলাইন",
    errors: "ত্রুটি ও প্রত্যাখ্যান", shed: "বাদ দেওয়া ইভেন্ট", kind: "ধরন", total: "মোট",
    perMinute: "শেষ এক মিনিট", connectionList: "সংযোগের তালিকা", socket: "সকেট", user: "ব্যবহারকারী",
    transport: "ট্রান্সপোর্ট", channels: "চ্যানেল", connectedAt: "সংযুক্ত হয়েছে",
    disconnect: "বিচ্ছিন্ন করুন", disconnected: "বিচ্ছিন্ন", none: "এখনো নেই",
    notConfigured: "কনফিগার করা নেই", average: "গড়, শেষ এক মিনিট",
    refused: "টোকেনটি গ্রহণ করা হয়নি: {0}", notAdmin: "এটি অ্যাডমিনের টোকেন নয়।",
    unreachable: "সার্ভারে পৌঁছানো যাচ্ছে না।", rate: "এই নোড", clusterRate: "ক্লাস্টার, ১ মিনিটের গড়",
    p50: "p50", p95: "p95", p99: "p99",
  },
};

const LANG_KEY = "realtime.dashboard.lang";
let lang = localStorage.getItem(LANG_KEY) === "bn" ? "bn" : "en";
let numbers = formatters();

function formatters() {
  const locale = lang === "bn" ? "bn-BD" : "en-US";
  return {
    whole: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    decimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
    precise: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
    time: new Intl.DateTimeFormat(locale, { timeZone: "Asia/Dhaka", hourCycle: "h23", hour: "2-digit", minute: "2-digit", second: "2-digit" }),
    dateTime: new Intl.DateTimeFormat(locale, { timeZone: "Asia/Dhaka", hourCycle: "h23", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" }),
  };
}

export function language() {
  return lang;
}

export function setLanguage(next) {
  lang = next === "bn" ? "bn" : "en";
  localStorage.setItem(LANG_KEY, lang);
  numbers = formatters();
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n);
  }
  document.title = t("title");
}

/** The word for key in the current language, {0} replaced by arg. */
export function t(key, arg) {
  const text = WORDS[lang][key] ?? WORDS.en[key] ?? key;
  return arg === undefined ? text : text.replace("{0}", arg);
}

/** A number for people: whole, or with one or two decimals; a dash when unknown. */
export function num(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  const f = digits === 0 ? numbers.whole : digits === 1 ? numbers.decimal : numbers.precise;
  return f.format(value);
}

export function clock(date) {
  return numbers.time.format(date);
}

export function dateTime(iso) {
  return iso ? numbers.dateTime.format(new Date(iso)) : "–";
}
