// The server's JSON endpoints, with the admin token as a bearer. The token lives in this tab's
// sessionStorage only: it goes when the tab closes, and no other tab or site can read it.

const TOKEN_KEY = "realtime.admin.token";
const API = "../api/v1/realtime";

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** A refused request: the HTTP status and the problem's code (AUTH_INVALID, FORBIDDEN, ...). */
export class ApiError extends Error {
  constructor(status, code, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

async function call(method, path) {
  const response = await fetch(path, {
    method,
    cache: "no-store",
    headers: { Authorization: `Bearer ${token.get()}`, Accept: "application/json" },
  });
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch {
      // not a problem+json body: the status says enough
    }
    throw new ApiError(response.status, problem.code, problem.detail);
  }
  return response.status === 204 ? null : response.json();
}

export const api = {
  /** This node's realtime.* meters (GET /admin/metrics). */
  metrics: () => call("GET", "metrics"),
  stats: () => call("GET", `${API}/admin/stats`),
  connections: () => call("GET", `${API}/admin/connections`),
  online: () => call("GET", `${API}/online-users`),
  disconnect: (socketId) => call("DELETE", `${API}/admin/connections/${encodeURIComponent(socketId)}`),
};
